import gc
import sys


def build(depth):
    if depth == 0:
        return []
    inner = build(depth - 1)
    return [inner, depth]


def measure(obj, depth):
    if depth == 0:
        return sys.getrefcount(obj)
    return measure(obj, depth - 1)


def local_ids(n):
    tmp = [n]
    if n == 0:
        return [id(tmp)]
    return local_ids(n - 1) + [id(tmp)]


gc.collect()
# each active frame holds its own references; results outlive the frames
tree = build(5)
size = 0
node = tree
while node:
    size += 1
    node = node[0]
print(size, sys.getsizeof(tree), tree[1], tree[0][1])
obj = [1]
counts = [measure(obj, d) for d in range(4)]
print([c - counts[0] for c in counts])
a = local_ids(4)
b = local_ids(4)
print(len(set(a)), len(set(a) & set(b)))
print(sys.getrefcount(tree[0]), gc.is_tracked(tree))

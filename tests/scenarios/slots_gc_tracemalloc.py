import gc
import sys
import tracemalloc


class Node:
    __slots__ = ('value', 'next')

    def __init__(self, value):
        self.value = value
        self.next = None


class Leaf:
    __slots__ = ('a', 'b')


class Plain:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Sub(Leaf):
    __slots__ = ('d', 'c')


gc.collect()
a = Node('a')
b = Node('b')
a.next = b
b.next = a
print(gc.is_tracked(a), len(gc.get_referents(a)))
s = Sub()
s.a = [1]
s.b = [2]
s.c = [3]
s.d = [4]
print([r[0] for r in gc.get_referents(s) if type(r) is list])
del a, b
print(gc.collect())
ring = [Node(i) for i in range(10)]
for i in range(10):
    ring[i].next = ring[(i + 1) % 10]
ring = None
print(gc.collect())
before = id(Leaf())
again = Leaf()
print(id(again) == before)
gc.collect()
tracemalloc.start()
leaves = [Leaf() for _ in range(1000)]
cur1, peak1 = tracemalloc.get_traced_memory()
leaves = None
cur2, peak2 = tracemalloc.get_traced_memory()
plains = [Plain(1, 2) for _ in range(1000)]
cur3, peak3 = tracemalloc.get_traced_memory()
plains = None
gc.collect()
tracemalloc.stop()
print(cur1, cur2, cur3 > cur1)

import gc


class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


gc.collect()
# instances come from pymalloc blocks; freeing one lets the next instance take its place
a = Node(1)
aid = id(a)
del a
b = Node(2)
print(id(b) == aid)
ids = []
for i in range(10):
    n = Node(i)
    ids.append(id(n))
print(len(set(ids)))
head = None
for i in range(5):
    node = Node(i)
    node.next = head
    head = node
chain = []
node = head
while node is not None:
    chain.append(id(node))
    node = node.next
node = None
head = None
again = [Node(i) for i in range(5)]
print(sum(1 for o in again if id(o) in chain))

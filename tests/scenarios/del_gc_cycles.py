# gc.collect() on cycles of instances with __del__ (PEP 442): every
# finalizer runs first, with the cycle still intact, then the cycle is
# freed. gc.collect() counts the instances, and their dicts before 3.11.
import gc
import sys


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        other = self.other.name if self.other is not None else None
        print("finalize", self.name, "other", other, "refcount", sys.getrefcount(self))


class Plain:
    pass


gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("nothing freed yet")
print("collected", gc.collect())
print("again", gc.collect())
s = Node("self")
s.other = s
del s
print("collected", gc.collect())
p = Plain()
n = Node("with plain")
p.n = n
n.other = None
n.back = p
del p, n
print("collected", gc.collect())
ring = [Node("r" + str(i)) for i in range(4)]
for i in range(4):
    ring[i].other = ring[(i + 1) % 4]
del ring
print("collected", gc.collect())
outer = Node("outside the cycle")
c1 = Node("c1")
c2 = Node("c2")
c1.other = c2
c2.other = c1
c1.extra = outer
del outer, c1, c2
print("collected", gc.collect())
young = Node("young")
young.other = young
del young
print("gen 0", gc.collect(0))
print("end")

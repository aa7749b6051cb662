# Weak reference callbacks in the cyclic collector: weak references to the
# garbage are cleared first; only callbacks of references outside the
# garbage run, before any __del__ (PEP 442); a reference freed after its
# callback counts as collected; callbacks that allocate or resurrect.
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name


class Fin(Node):
    def __del__(self):
        print("del", self.name, wa() is None)


class Res(Node):
    def __del__(self):
        print("res del")
        saved.append(self)


gc.collect()

a = Node("a")
b = Node("b")
a.other = b
b.other = a
wa = weakref.ref(a, lambda r: print("cb a", r(), sys.getrefcount(r)))
wb = weakref.ref(b, lambda r: print("cb b", r()))
del a, b
print("collect")
print(gc.collect())
print(wa(), wb())

c = Node("c")
c.self = c
c.w = weakref.ref(c, lambda r: print("never"))
del c
print("own reference in the garbage", gc.collect())

a = Fin("a")
b = Node("b")
a.b = b
b.a = a
wa = weakref.ref(a, lambda r: print("cb fin a"))
wb = weakref.ref(b, lambda r: print("cb fin b"))
del a, b
print(gc.collect())

saved = []
a = Res("r")
a.me = a
wr = weakref.ref(a, lambda r: print("cb res"))
del a
print(gc.collect(), wr(), len(saved))
saved.clear()
print(gc.collect())

out = []
a = Node("q")
a.me = a
wq = weakref.ref(a, lambda r: out.append([1, 2, 3]))
del a
print(gc.collect(), out)

a = Node("z")
a.me = a
holder = [weakref.ref(a, lambda r: holder.clear())]
del a
print(gc.collect(), holder)

a = Node("t")
a.me = a
wt = weakref.ref(a, lambda r: print("cb t", gc.is_tracked(r)))
del a
print(gc.collect(), gc.is_tracked(wt))
print("end")

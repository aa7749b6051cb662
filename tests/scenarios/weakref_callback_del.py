# Weak reference callbacks run by reference counting: newest first, after
# __del__, while the dying object still holds what it refers to; a
# reference with a callback is a new object every time; callbacks that
# print, allocate, or look at other weak references.
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Node(%s)" % self.name


class Call:
    def __call__(self, r):
        print("instance callback", sys.getrefcount(r), r() is None)


class Holder:
    def method(self, r):
        print("method callback", sys.getrefcount(r))


class Fin(Node):
    def __del__(self):
        print("del", self.name)


def helper():
    return 1


gc.collect()

a = Node("a")
r0 = weakref.ref(a)
r1 = weakref.ref(a, lambda r: print("cb1", r is r1, r(), r.__callback__))
r2 = weakref.ref(a, lambda r: print("cb2", r is r2, r(), r0()))
print("distinct", r1 is r0, r2 is r1, weakref.ref(a, print) is r1)
print("count", weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r0, r2, r1])
print("sizes", sys.getsizeof(r0) == sys.getsizeof(r1), gc.is_tracked(r1))
print("callback attr", r1.__callback__ is not None, r0.__callback__)
del a
print("after del", r0(), r1(), r1.__callback__)

b = Fin("b")
rb = weakref.ref(b, lambda r: print("cb b", r()))
del b
print("--")

c = Node("c")
c.x = [1, 2]
keep = c.x
rc = weakref.ref(c, lambda r: print("cb c refcount", sys.getrefcount(keep)))
print("refcount", sys.getrefcount(keep))
del c
print("refcount", sys.getrefcount(keep))

d = Node("d")
rd = weakref.ref(d, lambda r: print("one", sys.getrefcount(r)))
del d
e = Node("e")
re1 = weakref.ref(e, lambda r: print("two-1", sys.getrefcount(r)))
re2 = weakref.ref(e, lambda r: print("two-2", sys.getrefcount(r)))
del e

g = Node("g")
rg = weakref.ref(g, lambda r: print("never"))
del rg
del g
print("dead reference: no callback")

items = [Node("x"), Node("y")]
rx = weakref.ref(items[0], lambda r: print("cb x", ry()))
ry = weakref.ref(items[1], lambda r: print("cb y", rx()))
del items

made = []
h = Node("h")
rh = weakref.ref(h, lambda r: made.append([r, "made"]))
del h
print("made", len(made), made[0][0] is rh, sys.getrefcount(rh))

rf = weakref.ref(helper, lambda r: print("cb helper"))
del helper

chain = Node("1")
chain.next = Node("2")
chain.next.next = Node("3")
r_1 = weakref.ref(chain, lambda r: print("cb 1"))
r_2 = weakref.ref(chain.next, lambda r: print("cb 2"))
r_3 = weakref.ref(chain.next.next, lambda r: print("cb 3"))
del chain

i = Node("i")
ri = weakref.ref(i, Call())
del i
m = Node("m")
rm = weakref.ref(m, Holder().method)
del m
kept = []
k = Node("k")
rk = weakref.ref(k, kept.append)
del k
print("builtin callback", len(kept), kept[0] is rk, sys.getrefcount(rk))


def outer():
    local = Node("local")
    r = weakref.ref(local, lambda r: print("local freed as the frame ends"))
    print("in outer")


outer()

items = [Node("p"), Node("q")]
rp = weakref.ref(items[0], lambda r: print("never: dropped before p died"))


def drop_rp(r):
    global rp
    print("cb q drops the reference to p")
    rp = None


rq = weakref.ref(items[1], drop_rp)
del items
print("end")

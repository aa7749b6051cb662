# collections.defaultdict and memory: what construction, a miss (the bound
# __missing__, the factory's value stored), copy() and repr() leave traced
# and peak at, gen-0 counts of each, GC tracking (always, never untracked
# by a full collection), referents (the factory first; the type before it
# from 3.12), what the values and the factory keep alive, a cycle through
# a defaultdict collected, and the id reuse of a freed one.
# tolerance: 3%
import gc
import sys
import tracemalloc
from collections import defaultdict


class Node:
    pass


def make():
    return Node()


gc.collect()

d = defaultdict(list)
warm = repr({1: 2})  # Py_ReprEnter's list exists before tracing starts
tracemalloc.start()
t0 = tracemalloc.get_traced_memory()[0]
e = defaultdict(list)
t1 = tracemalloc.get_traced_memory()[0]
e[1]
t2 = tracemalloc.get_traced_memory()[0]
e[2]
e[3]
t3 = tracemalloc.get_traced_memory()
f = defaultdict(list, e)
t4 = tracemalloc.get_traced_memory()[0]
g = e.copy()
t5 = tracemalloc.get_traced_memory()[0]
r = repr(e)
t6 = tracemalloc.get_traced_memory()
del e, f, g, r
t7 = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("traced", t1 - t0, t2 - t0, t3[0] - t0, t4 - t0, t5 - t0, t6[0] - t0, t7 - t0)

gc.collect()
c0 = gc.get_count()[0]
h = defaultdict(list)
c1 = gc.get_count()[0]
h["a"]
c2 = gc.get_count()[0]
h2 = h.copy()
c3 = gc.get_count()[0]
k = defaultdict(int, {"a": 1}, b=2)
c4 = gc.get_count()[0]
print("counts", c1 - c0, c2 - c0, c3 - c0, c4 - c0)

print("tracked", gc.is_tracked(defaultdict()), gc.is_tracked(defaultdict(int, a=1)))
plain = defaultdict(int, a=1)
gc.collect()
print("after full", gc.is_tracked(plain), gc.is_tracked(dict(plain)))
print("referents", gc.get_referents(defaultdict(list, {"x": 1})))
print("referents none", gc.get_referents(defaultdict(None, {1: 2})))

nodes = defaultdict(make)
n = nodes["a"]
print("refcount", sys.getrefcount(n))
m = nodes["a"]
print("again", sys.getrefcount(n), m is n)
del nodes["a"]
print("deleted", sys.getrefcount(n))
del m

def factory():
    return []

print("factory refs", sys.getrefcount(factory))
holder = defaultdict(factory)
print("held", sys.getrefcount(factory))
holder.default_factory = None
print("replaced", sys.getrefcount(factory), holder.default_factory)
holder.default_factory = factory
del holder
print("freed", sys.getrefcount(factory))

gc.collect()
cyc = defaultdict(list)
cyc["self"].append(cyc)
del cyc
print("cycle", gc.collect())
node = Node()
node.table = defaultdict(lambda: node)
node.table["me"]
del node
print("cycle through factory", gc.collect())

gc.collect()
x = defaultdict(list)
addr = id(x)
del x
y = defaultdict(int)
print("id reused", id(y) == addr)
z = {}
print("dict reuses", id(z) == addr)

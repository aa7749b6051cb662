# weakref.proxy forwarding what is done to it: operators (the referent's
# methods run with the referent), comparisons from either side, items,
# iteration, `in`, calls of a callable proxy with their reference counts,
# and a proxy in a cycle cleared by the collector; the memory a proxy takes.
import gc
import sys
import tracemalloc
import weakref


class Vec:
    def __init__(self, *items):
        self.items = list(items)

    def __add__(self, other):
        return Vec(*[x + other for x in self.items])

    def __radd__(self, other):
        return Vec(*[other + x for x in self.items])

    def __neg__(self):
        return Vec(*[-x for x in self.items])

    def __lt__(self, other):
        return len(self.items) < len(other.items)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.items == other.items

    __hash__ = None

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, value):
        self.items[i] = value

    def __delitem__(self, i):
        del self.items[i]

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items

    def __len__(self):
        return len(self.items)


def total(*args):
    print("  in call", sys.getrefcount(args[0]) if args else None)
    return sum(args)


gc.collect()

v = Vec(1, 2, 3)
w = Vec(1, 2)
p = weakref.proxy(v)
q = weakref.proxy(w)
print("add", (p + 10).items, (10 + p).items, (-p).items)
print("compare", p < q, q < p, p > w, p == v, p == Vec(1, 2, 3), p != q, 1 == p, p == 1)
print("items", p[0], p[-1], p[1:], len(p))
p[0] = 9
del p[1]
print("after item changes", v.items, list(v))
print("iterate", [x for x in p], 9 in p, 2 in p, sum(x for x in p))
a, b = p
print("unpack", a, b)
r = p
r += 1
print("in-place rebinds", type(r).__name__, r.items, type(p).__name__)
del r

pf = weakref.proxy(total)
x = 1000
print("refcount of the argument", sys.getrefcount(x))
print("called", pf(x, 2), pf())
print("refcount after", sys.getrefcount(x))

# A proxy held by its own referent inside a cycle: the collector clears it.
c = Vec()
c.me = c
c.proxy = weakref.proxy(c)
held = c.proxy
del c
print("cycle", gc.collect() > 0)
try:
    held.items
except ReferenceError as e:
    print("ReferenceError:", e)

d = Vec()
pd = None
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
pd = weakref.proxy(d)
made = tracemalloc.get_traced_memory()[0]
pd = None
freed = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("traced", made - before, freed - before)
print("gc count", gc.collect(), weakref.getweakrefcount(d))

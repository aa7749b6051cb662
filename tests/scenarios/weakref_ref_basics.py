# Weak references: weakref.ref to instances and functions, reuse of the
# callback-less reference, what the referent's death does to it, sizes,
# reference counts, GC counts and the errors for objects that cannot be
# weakly referenced.
import gc
import sys
import tracemalloc
import weakref


class Node:
    def __init__(self, name):
        self.name = name


def helper():
    return 1


class Slotted:
    __slots__ = ("v",)


class SlottedWeak:
    __slots__ = ("v", "__weakref__")


# Importing weakref and making classes fill CPython's free lists in ways
# heapsim does not model exactly; a full collection empties them.
gc.collect()

a = Node("a")
print("refcount before", sys.getrefcount(a))
r = weakref.ref(a)
print("refcount after", sys.getrefcount(a), sys.getrefcount(r))
print("alive", r() is a, r().name)
print("size", sys.getsizeof(r), gc.is_tracked(r))
print("type", type(r).__name__, type(r) is weakref.ref, isinstance(r, weakref.ref))
print("alias", weakref.ReferenceType is weakref.ref, callable(r))
r2 = weakref.ref(a)
print("reused", r2 is r, sys.getrefcount(r), weakref.getweakrefcount(a))
print("with None", weakref.ref(a, None) is r)
print("__weakref__", a.__weakref__ is r, Node("z").__weakref__)
tracemalloc.start()
pad = [None] * 100
d = Node("d")
weakref.ref(d)  # made and freed: its argument tuple is now on the free list
before = tracemalloc.get_traced_memory()[0]
rd = weakref.ref(d)
after = tracemalloc.get_traced_memory()[0]
del rd
freed = tracemalloc.get_traced_memory()[0]
print("traced", after - before, freed - before)
tracemalloc.stop()
refs = weakref.getweakrefs(a)
print("getweakrefs", len(refs), refs[0] is r, sys.getsizeof(refs))
del refs, r2
b = Node("b")
rb = weakref.ref(b)
print("compare", r == rb, r != rb, r == weakref.ref(a))
rf = weakref.ref(helper)
print("function", rf() is helper, weakref.getweakrefcount(helper), gc.is_tracked(rf))
print("repr", repr(r).startswith("<weakref at 0x"), "; to 'Node' at 0x" in repr(r))
del a
print("dead", r() is None, r() , repr(r).endswith("; dead>"), weakref.getweakrefcount(r))
print("dead compare", r == rb, r == r)
c = Node("c")
print("new object at the freed block", weakref.getweakrefcount(c))

# A weak reference does not keep a cycle alive; the collector clears it.
x = Node("x")
y = Node("y")
x.other = y
y.other = x
rx = weakref.ref(x)
del x, y
print("cycle alive", rx() is not None, rx().name)
print("collected", gc.collect() > 0, rx() is None)

# Weak references to weak references held in containers die with them.
holder = [weakref.ref(b)]
print("in list", holder[0] is rb, sys.getrefcount(rb))
del holder
print("after list", sys.getrefcount(rb))
del rb
print("count after del", weakref.getweakrefcount(b))
rb = weakref.ref(b)
print("new basic ref", weakref.getweakrefcount(b), rb() is b)


sw = SlottedWeak()
print("slotted with __weakref__", weakref.ref(sw)() is sw)
for value in (Slotted(), [1], {"k": 1}, 5, "text", (1, 2), None, 2.5, object(), b"x", Exception()):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(e)
print(weakref.getweakrefcount(5), weakref.getweakrefs([1]))
for call in (lambda: weakref.ref(), lambda: weakref.ref(b, None, 3), lambda: rb(1),
             lambda: rb(x=1), lambda: weakref.getweakrefcount(), lambda: weakref.getweakrefs(b, 2),
             lambda: weakref.ref(b, callback=None), lambda: weakref.getweakrefcount(b, c=2),
             lambda: len(rb), lambda: rb + 1, lambda: setattr(rb, "x", 1), lambda: rb[0]):
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(weakref.ref)

del b
print("referent freed", rb() is None)

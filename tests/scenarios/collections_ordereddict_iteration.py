# collections.OrderedDict's iteration: the 80-byte odict_iterator (GC
# tracked; on 3.8 it holds a (None, None) tuple too), what it holds and
# lets go of (the OrderedDict until the end, the next key), the errors
# when the list or the size changes under it (clear() counts as a change
# of the list from 3.13), and what list(), sorted(), tuple(), set() and a
# comprehension of one give (list(od) sized as for any sized iterable).
import gc
import sys
import tracemalloc
from collections import OrderedDict

gc.collect()

od = OrderedDict(a=1, b=2, c=3)
it = iter(od)
print("iterator", sys.getsizeof(it), type(it).__name__, gc.is_tracked(it))
print("referents", len(gc.get_referents(it)))
print("keys", next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("stop", len(gc.get_referents(it)))
del it

tracemalloc.start()
t0 = tracemalloc.get_traced_memory()[0]
it2 = iter(od)
t1 = tracemalloc.get_traced_memory()[0]
del it2
t2 = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("traced", t1 - t0, t2 - t0)

print("list", list(od), sys.getsizeof(list(od)), sorted(od), tuple(od))
print("set", set(od) == {"a", "b", "c"}, [k * 2 for k in od], len([k for k in od]))
total = 0
for k in od:
    od[k] = od[k] * 10
    total += od[k]
print("updated in loop", total, od)

o3 = OrderedDict(q=1, r=2)
before = sys.getrefcount(o3)
it3 = iter(o3)
print("od held", sys.getrefcount(o3) - before)
key = next(it3)
print("first", key, sys.getrefcount(o3) - before)
next(it3)
try:
    next(it3)
except StopIteration:
    print("let go", sys.getrefcount(o3) - before)
del it3, key

name = "k" + str(7)
o4 = OrderedDict()
o4[name] = 1
o4["z"] = 2
base = sys.getrefcount(name)
it4 = iter(o4)
print("current key held", sys.getrefcount(name) - base)
got = next(it4)
print("handed out", sys.getrefcount(name) - base, got == name)
del got
print("after next", sys.getrefcount(name) - base)
del it4

for change in ("move", "insert", "delete", "replace_key", "clear"):
    o5 = OrderedDict(x=1, y=2, z=3)
    it5 = iter(o5)
    next(it5)
    if change == "move":
        o5.move_to_end("x")
    elif change == "insert":
        o5["w"] = 4
    elif change == "delete":
        del o5["z"]
    elif change == "replace_key":
        del o5["z"]
        o5["v"] = 5
    else:
        o5.clear()
    try:
        print(change, next(it5))
    except RuntimeError as e:
        print(change, "RuntimeError", e)
    try:
        print(change, "again", next(it5))
    except RuntimeError as e:
        print(change, "again RuntimeError", e)
    except StopIteration:
        print(change, "again stop")

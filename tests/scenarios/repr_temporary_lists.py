# The repr of a set, frozenset or dict view is the repr of a new list of its
# items (PySequence_List), dropped once shown: it leaves its list object on
# the list free list (and, for an items view, its pairs on the tuple free
# list), which the next lists and tuples reuse.
import gc
import sys
import tracemalloc

gc.collect()
s = {i * 7 for i in range(21)}
fs = frozenset({"a", "b"})
d = {i: str(i) for i in range(5)}


def traced(make):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = make()
    after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return after[0] - before, after[1] - before, kept


print(len(repr(s)), len(str(fs)))
print("sorted after set repr", traced(lambda: sorted(s))[:2])
print("lists after frozenset repr", traced(lambda: [[1], [2]])[:2])
print(d.keys(), d.values())
print("list after keys view repr", traced(lambda: [0, 1, 2])[:2])
print(d.items())
print("pairs after items view repr", traced(lambda: [(i, i) for i in range(3)])[:2])
print(repr({}.keys()), set(), frozenset())
print("list after empty view repr", traced(lambda: [5])[:2])
print([s, {1}, (fs,)] == [s, {1}, (fs,)], len(repr([s, {1}, (fs,)])))
print("after nested reprs", traced(lambda: ([], [], [], ()))[:2])
print(f"{s!r:.10}", "{}".format(d.values()))
print("after format", traced(lambda: [[], []])[:2])
t = (1, 2)
print(sys.getrefcount(t), gc.collect())

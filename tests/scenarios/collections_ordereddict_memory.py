# collections.OrderedDict and memory: sys.getsizeof as it grows (the
# object's own links, the fast-nodes array mirroring the keys table and one
# 32-byte node per key), what each insertion, deletion, popitem, clear and
# the repr leave traced, gen-0 counts of construction, GC tracking (always,
# never untracked by a full collection), referents (the nodes' keys before
# the dict's own), the key's extra reference held by its node, and the id
# reuse of a freed one.
# tolerance: 3%
import gc
import sys
import tracemalloc
from collections import OrderedDict

gc.collect()

print("empty", sys.getsizeof(OrderedDict()), sys.getsizeof(dict()))
od = OrderedDict()
sizes = []
for i in range(24):
    od[i] = i
    sizes.append(sys.getsizeof(od))
print("growing", sizes)
for i in range(0, 24, 2):
    del od[i]
print("after deletes", sys.getsizeof(od), len(od))
od.clear()
print("cleared", sys.getsizeof(od), len(od))
od["a"] = 1
print("refilled", sys.getsizeof(od))

warm = repr({1: 2})  # Py_ReprEnter's list exists before tracing starts
tracemalloc.start()
t0 = tracemalloc.get_traced_memory()[0]
e = OrderedDict()
t1 = tracemalloc.get_traced_memory()[0]
e["a"] = 1
t2 = tracemalloc.get_traced_memory()[0]
e["b"] = 2
t3 = tracemalloc.get_traced_memory()[0]
for key in "cdefghij":
    e[key] = 0
t4 = tracemalloc.get_traced_memory()[0]
del e["c"]
t5 = tracemalloc.get_traced_memory()[0]
item = e.popitem()
t6 = tracemalloc.get_traced_memory()[0]
e.move_to_end("a")
t7 = tracemalloc.get_traced_memory()[0]
e.clear()
t8 = tracemalloc.get_traced_memory()[0]
del e, item
t9 = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("traced", t1 - t0, t2 - t0, t3 - t0, t4 - t0, t5 - t0, t6 - t0, t7 - t0, t8 - t0, t9 - t0)

gc.collect()
c0 = gc.get_count()[0]
h = OrderedDict()
c1 = gc.get_count()[0]
h["a"] = [1]
c2 = gc.get_count()[0]
k = OrderedDict([("x", 1), ("y", 2)])
c3 = gc.get_count()[0]
print("counts", c1 - c0, c2 - c0, c3 - c0)

print("tracked", gc.is_tracked(OrderedDict()), gc.is_tracked(OrderedDict(a=1)))
plain = OrderedDict(a=1)
gc.collect()
print("after full", gc.is_tracked(plain))
print("referents str keys", len(gc.get_referents(OrderedDict(a=1, b=2))))
print("referents int keys", len(gc.get_referents(OrderedDict([(1, 2), (3, 4)]))))

key = "key" + str(5)
print("key refs", sys.getrefcount(key))
holder = OrderedDict()
holder[key] = None
print("held", sys.getrefcount(key))
holder[key] = 1
print("replaced", sys.getrefcount(key))
holder.move_to_end(key, last=False)
print("moved", sys.getrefcount(key))
popped = holder.popitem(last=False)
print("popped", sys.getrefcount(key), popped)
del popped
print("dropped", sys.getrefcount(key))

value = [1, 2]
print("value refs", sys.getrefcount(value))
holder["v"] = value
print("value held", sys.getrefcount(value))
del holder
print("value freed", sys.getrefcount(value))

a = OrderedDict(x=1)
a_id = id(a)
del a
b = OrderedDict(y=2)
print("id reuse", id(b) == a_id)
print("type", type(b), type(b).__name__, isinstance(b, dict), isinstance(b, OrderedDict))

# Weak reference callbacks and memory: what tracemalloc sees inside each
# callback while the dying object and the tuple PyObject_ClearWeakRefs
# builds for several callbacks are still allocated, what is freed after,
# and which block a callback's new object reuses.
import gc
import tracemalloc
import weakref


class Node:
    pass


gc.collect()
tracemalloc.start()
for n in (1, 2, 5, 11):
    a = Node()
    refs = [weakref.ref(a, lambda r: seen.append(tracemalloc.get_traced_memory()[0])) for i in range(n)]
    seen = []
    base = tracemalloc.get_traced_memory()[0]
    del a
    print(n, [x - base for x in seen], tracemalloc.get_traced_memory()[0] - base)
    del refs
ids = []
b = Node()
wb = weakref.ref(b, lambda r: ids.append(id(Node())))
wc = weakref.ref(b, lambda r: ids.append(id(Node())))
bid = id(b)
del b
print(len(ids), ids[0] == ids[1], bid in ids)
tracemalloc.stop()
print("end")

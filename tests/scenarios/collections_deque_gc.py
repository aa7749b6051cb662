# collections.deque and the collector: `import collections` (loaded at
# start-up on 3.11 only), generation-0 counts of deques and of the
# temporaries their repr, extend and == make, what a repr leaves traced,
# and the free list a repr's temporary list comes from.
import gc
import sys
import tracemalloc
import collections

# The first repr of a container makes the thread state's dict and its list
# of reprs in progress (Py_ReprEnter), which heapsim does not model.
repr([1])
gc.collect()

print("type", collections.deque, collections.deque.__name__)
start = gc.get_count()[0]
d = collections.deque()
print("new", gc.get_count()[0] - start)
d.extend([1, 2, 3])
print("extend", gc.get_count()[0] - start)
text = repr(d)
print("repr", gc.get_count()[0] - start, text)
same = d == collections.deque([1, 2, 3])
print("equal", gc.get_count()[0] - start, same)
for x in d:
    pass
print("loop", gc.get_count()[0] - start)
e = d.copy()
print("copy", gc.get_count()[0] - start)
del d, e
print("freed", gc.get_count()[0] - start)

big = collections.deque(range(100))
tracemalloc.start()
text = repr(big)
current = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("repr traced", current, len(text))

lists = [[] for _ in range(5)]
del lists
ids = [id([]) for _ in range(3)]
r = repr(collections.deque([1]))
after = id([])
print("free list", after in ids)

# collections.deque and memory: the block cache (one for all deques before
# 3.11, each deque's own from 3.11) seen through tracemalloc, reference
# counts of items, items dropped by maxlen, GC tracking, a cycle through a
# deque collected, and id reuse of a freed deque.
# tolerance: 3%
import gc
import sys
import tracemalloc
from collections import deque


class Node:
    pass


gc.collect()

items = [object() for _ in range(300)]
first = deque()
second = deque()
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
for x in items:
    first.append(x)
grown = tracemalloc.get_traced_memory()[0] - base
for x in items:
    first.pop()
after_pops = tracemalloc.get_traced_memory()[0] - base
for x in items:
    second.append(x)
second_grown = tracemalloc.get_traced_memory()[0] - base
del first
after_del = tracemalloc.get_traced_memory()[0] - base
second.clear()
after_clear = tracemalloc.get_traced_memory()[0] - base
tracemalloc.stop()
print("traced", grown, after_pops, second_grown, after_del, after_clear)

a = object()
print("refcount", sys.getrefcount(a))
q = deque([a, a])
print("held", sys.getrefcount(a))
q.append(a)
q.popleft()
print("popped", sys.getrefcount(a))
b = deque(maxlen=2)
b.append(a)
b.append(a)
b.append(1)
b.append(2)
print("trimmed", sys.getrefcount(a), b)
q.clear()
print("cleared", sys.getrefcount(a))
print("tracked", gc.is_tracked(deque()), gc.is_tracked(q), gc.is_tracked(iter(q)))
print("iterator", sys.getsizeof(iter(q)))
print("referents", gc.get_referents(deque([1, "a"])))

gc.collect()
n = Node()
n.queue = deque([n, 1, "x"])
del n
print("cycle", gc.collect())
ring = deque()
ring.append(ring)
del ring
print("self cycle", gc.collect())

keep = deque([1])
old = id(keep)
del keep
again = deque([2])
print("id reused", id(again) == old)

import gc
import sys
import tracemalloc

gc.collect()
# tuple() of an iterator without a length starts with room for 10 items, grows by
# resizing (ten more, then a quarter more) and is cut back to its length at the end.
for n in (0, 3, 10, 11, 30, 100):
    t = tuple(i for i in range(n))
    print(n, "items:", sys.getsizeof(t), t == tuple(range(n)))
print("an empty result is the empty tuple:", tuple(x for x in "") is ())
for n in (5, 25, 60):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    t = tuple(i * 1000 for i in range(n))
    now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("tuple of", n, "from a generator: current", now - before, "peak", peak - before)
    del t
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
t = tuple("abcdefgh")
now, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("tuple of a str:", now - before, peak - before)
d = {"k%d" % i: i for i in range(12)}
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
t = tuple(d)
now, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("tuple of a dict's keys:", now - before, peak - before, len(t))

# A class's mappingproxy in memory: one 40-byte GC object per access, freed
# as soon as it is dropped (its block reused by the next one), counted in
# generation 0 while it lives, and holding its class's dict.
import gc
import sys
import tracemalloc


class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y


gc.collect()

first = id(Point.__dict__)
second = id(vars(Point))
print("block reused", first == second)
kept = Point.__dict__
print("kept differs", id(kept) != id(Point.__dict__))
print("refcount", sys.getrefcount(kept), sys.getrefcount(Point.__dict__))
before = gc.get_count()[0]
proxies = [Point.__dict__, vars(Point), Point.__dict__]
print("gc count", gc.get_count()[0] - before)
del proxies
print("gc count after", gc.get_count()[0] - before)
tracemalloc.start()
start = tracemalloc.get_traced_memory()[0]
many = [vars(Point) for _ in range(50)]
grown = tracemalloc.get_traced_memory()[0] - start
print("traced 50", grown, len(many), sys.getsizeof(many))
del many
print("traced freed", tracemalloc.get_traced_memory()[0] - start)
one = Point.__dict__
print("traced one", tracemalloc.get_traced_memory()[0] - start)
keys = one.keys()
del one
print("traced view", tracemalloc.get_traced_memory()[0] - start, sys.getsizeof(keys))
del keys
tracemalloc.stop()
for _ in range(3):
    total = 0
    for name in Point.__dict__:
        total += len(name)
print("loop", total)

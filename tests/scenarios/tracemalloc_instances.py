# tolerance: 3%
import gc
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


gc.collect()
# traced bytes for 1000 instances with two attributes, before and after freeing
pts = None
warm = [Point(i, i) for i in range(100)]
warm = None
gc.collect()
tracemalloc.start()
pts = [Point(i, -i) for i in range(1000)]
cur1, peak1 = tracemalloc.get_traced_memory()
pts = pts[:500]
cur2, peak2 = tracemalloc.get_traced_memory()
pts = None
gc.collect()
cur3, peak3 = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(cur1, peak1)
print(cur2, peak2)
print(cur3 < 2000, peak3 == peak2)

# tolerance: 3%
import gc
import tracemalloc

gc.collect()
# traced bytes for many ints and strings, then after freeing them
nums = strs = None
tracemalloc.start()
nums = [i * 7919 for i in range(3000)]
cur1, peak1 = tracemalloc.get_traced_memory()
strs = [str(i) * 4 for i in range(3000)]
cur2, peak2 = tracemalloc.get_traced_memory()
nums = None
cur3, peak3 = tracemalloc.get_traced_memory()
strs = None
cur4, peak4 = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(cur1, peak1)
print(cur2, peak2)
print(cur3, peak3)
print(cur4 < 2000, peak4 == peak3)
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())

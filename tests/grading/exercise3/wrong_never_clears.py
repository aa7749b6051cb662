import tracemalloc
import gc

tracemalloc.start()
items = [[i] for i in range(10_000)]
for i in range(0, 10_000, 2):
    items[i] = None
gc.collect()
curr_a, peak_a = tracemalloc.get_traced_memory()
tracemalloc.stop()

tracemalloc.start()
items = [[i] for i in range(10_000)]
items = items
gc.collect()
curr_b, peak_b = tracemalloc.get_traced_memory()
tracemalloc.stop()

print(f"Alternating delete - Current: {curr_a/1024:.1f} KB, "
      f"Peak: {peak_a/1024:.1f} KB")
print(f"Bulk delete        - Current: {curr_b/1024:.1f} KB, "
      f"Peak: {peak_b/1024:.1f} KB")

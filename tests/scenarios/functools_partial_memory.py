import gc
import tracemalloc
import functools


def f(a, b, c=0):
    return a + b + c


gc.collect()
tracemalloc.start()
before = gc.get_count()[0]
parts = [functools.partial(f, i) for i in range(20)]
nested = [functools.partial(p, 1) for p in parts]
withkw = functools.partial(f, c=5)
count = gc.get_count()[0] - before
current, peak = tracemalloc.get_traced_memory()
total = sum(p(2) for p in parts) + sum(n() for n in nested)
after = tracemalloc.get_traced_memory()
del parts, nested, withkw
final = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(count, current, peak, total, after[0] - current, final[0])

# A generator expression freed before its end is closed, which evaluates
# its code: on CPython 3.8 to 3.10 the 1024th evaluation (here a resume and
# a close per next()) makes the code's opcache.
import gc
import tracemalloc

gc.collect()
data = [3, 1, 4, 1, 5]
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
for i in range(511):
    first = next(x for x in data if x > 2)
print(tracemalloc.get_traced_memory()[0] - base, first)
first = next(x for x in data if x > 2)
print(tracemalloc.get_traced_memory()[0] - base)
for i in range(100):
    first = next(x for x in range(10) if x > 2)
print(tracemalloc.get_traced_memory()[0] - base)

# First imports of collections and functools after gc and tracemalloc (3.11's
# start-up has loaded both), then tracing without a full collection.
import gc, tracemalloc
import collections, functools

keep = [None] * 40
x = 1000
tracemalloc.start()
for i in range(30):
    keep[i] = x + 0.5
print("floats", tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
for i in range(30):
    keep[i] = [x]
print("lists", tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
for i in range(30):
    keep[i] = {}
print("dicts", tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
for i in range(30):
    keep[i] = (x,)
print("1-tuples", tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
for i in range(30):
    keep[i] = (x, x)
print("2-tuples", tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
for i in range(30):
    keep[i] = (x, x, x)
print("3-tuples", tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
for i in range(30):
    keep[i] = (x, x, x, x, x)
print("5-tuples", tracemalloc.get_traced_memory())
tracemalloc.stop()

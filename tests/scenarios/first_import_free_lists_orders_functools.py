# tracemalloc imported first, then functools and gc (3.11's start-up has
# loaded functools; tracemalloc's own import loads it on the others, so
# there its first import runs no code): the free lists these first imports
# leave, traced without a full collection.
import tracemalloc
import functools
import gc

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

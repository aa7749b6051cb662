# First imports in another order: random before gc and tracemalloc (3.11's
# start-up has loaded random: there only gc's and tracemalloc's count). What
# each import leaves depends on what the ones before it left.
import random
import gc
import tracemalloc

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

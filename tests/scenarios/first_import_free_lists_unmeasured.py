# Two first imports besides gc and tracemalloc (array, then copy):
# what they leave on the free lists together was not measured, so heapsim
# refuses tracemalloc's figures until a full collection.
import sys, gc, tracemalloc, array, copy

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

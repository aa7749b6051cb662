# The first imports of copy and weakref (CPython's start-up has loaded
# weakref only on 3.11) run Python code that takes floats, lists, dicts and
# tuples from the free lists and gives others back. Traced without a full
# collection first, the first containers reuse what the imports left parked
# (untraced) and then allocate new blocks.
import sys, gc, tracemalloc, copy, weakref

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

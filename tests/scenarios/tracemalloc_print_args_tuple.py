import gc
import tracemalloc

gc.collect()
# From 3.11 print() gathers its positional arguments in a tuple (Argument Clinic's *args)
# that returns to the tuple free list; a tuple of that length made next under tracing then
# takes no new block. Before 3.11 print() makes no tuple.
print("two", "arguments")
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("a 2-tuple after print of 2 arguments:", after[0] - before)
x, y = 5, 6
print("three", "arguments", "now")
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
t = (x, y, x)
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("a 3-tuple after print of 3 arguments:", after[0] - before)
del t

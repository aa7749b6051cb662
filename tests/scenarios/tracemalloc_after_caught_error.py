import gc
import tracemalloc

gc.collect()
# Raising and catching an exception leaves blocks on the free lists (the exception's
# argument tuple, the traceback's frames); what is made next under tracing reuses them.
try:
    {}.popitem()
except KeyError as e:
    print("caught", type(e).__name__)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("nothing made:", after[0] - before)
try:
    [1, 2, 3][19]
except IndexError as e:
    print("caught", type(e).__name__, e)
items = [1234.5678]
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
items[6:19] = ["hello world"]
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("slice assignment:", after[0] - before, after[1] - before)

import gc
import sys
import tracemalloc

gc.collect()
# sys.getsizeof takes its arguments packed in a tuple (METH_VARARGS), which goes to the
# tuple free list after the call; a 1-tuple needed under tracing (the argument tuple of
# a class call such as bytes(1)) reuses it and adds nothing to the traced figures.
size = sys.getsizeof(5)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = bytes(1)
after = tracemalloc.get_traced_memory()
print("bytes(1) after getsizeof:", size, after[0] - before, after[1] - before)
before = tracemalloc.get_traced_memory()[0]
w = bytes(2)
after = tracemalloc.get_traced_memory()
print("bytes(2):", after[0] - before, after[1] - before)
tracemalloc.stop()

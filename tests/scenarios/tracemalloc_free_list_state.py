import gc
import tracemalloc

gc.collect()
# Blocks the interpreter keeps on its free lists when a script starts: an 8-slot dict
# keys table, the cached slice object, tuples of some lengths. Taken from there, a new
# object adds nothing to tracemalloc's current figure.
d = dict()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
d.setdefault("z20", 1)
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("first key of an empty dict:", after[0] - before)
items = ["a", "b", "c", None, "d", -3.75, None, "e"]
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
del items[5:20]
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("del of a slice:", after[0] - before)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
t = tuple(range(15))
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("a 15-tuple:", after[0] - before, after[1] - before)

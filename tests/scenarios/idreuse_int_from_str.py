import gc
import tracemalloc

gc.collect()
# int(str) of a value that is not a small int: what the conversion allocates on the way
# decides whether each new int lands in the block the previous one freed.
seen = set()
for i in range(4):
    seen.add(id(int("76733")))
print("distinct ids of int('76733') made 4 times:", len(seen))
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = int("52430")
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("int('52430'):", after[0] - before, after[1] - before)

# tolerance: 3%
import gc
import tracemalloc

gc.collect()
# traced bytes of lists, dicts and sets of the same 2000 small ints
data = None
results = []
tracemalloc.start()
for kind in ["list", "tuple", "dict", "set"]:
    before = tracemalloc.get_traced_memory()[0]
    if kind == "list":
        data = [i for i in range(2000)]
    elif kind == "tuple":
        data = tuple(range(2000))
    elif kind == "dict":
        data = {i: None for i in range(2000)}
    else:
        data = set(range(2000))
    after = tracemalloc.get_traced_memory()[0]
    data = None
    freed = tracemalloc.get_traced_memory()[0]
    results.append((kind, after - before, freed - before < 200))
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
for r in results:
    print(r[0], r[1], r[2])
print(peak > 90000)

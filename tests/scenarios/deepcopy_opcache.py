# copy.deepcopy() calls copy.py's functions once per object: on 3.8 to 3.10
# deepcopy's 1024th evaluation gives its code (and _deepcopy_list's, ...)
# an opcache, traced where it happens, so the totals jump by its size.
import copy
import gc
import tracemalloc

gc.collect()
for n in (100, 350, 600, 1200):
    orig = [[i, i + 1] for i in range(n)]
    tracemalloc.start()
    deep = copy.deepcopy(orig)
    print(n, tracemalloc.get_traced_memory())
    tracemalloc.stop()
    del deep, orig
pairs = [(i, str(i)) for i in range(700)]
tracemalloc.start()
copied = copy.deepcopy(pairs)
print(tracemalloc.get_traced_memory(), copied[5] == pairs[5])

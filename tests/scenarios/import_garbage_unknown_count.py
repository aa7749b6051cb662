# Right after `import tracemalloc` CPython 3.9 and 3.12 may be close to an
# automatic collection (how close depends on what compiling the script left
# in generation 0), which parks the import's cyclic garbage on the free
# lists: the 1-tuples below partly come from there. heapsim refuses these
# figures there; with gc.collect() first they are known everywhere.
import tracemalloc

tracemalloc.start()
ts = [(i,) for i in range(20)]
print(tracemalloc.get_traced_memory())

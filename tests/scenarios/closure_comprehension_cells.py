# Lambdas made inside comprehensions and generator expressions capture the
# loop variable in a cell the comprehension's frame makes empty when it
# starts (before the generator object, for a generator expression): every
# lambda of a list comprehension sees the last value, one of a generator
# expression called as it is made sees its own. tracemalloc of the new
# generator expression, refcounts of the cells, and the lambdas' code
# (co_freevars, the nested flag).
import sys
import gc
import tracemalloc


def make(n):
    return [lambda: z for z in range(n)]


gc.collect()
it = range(2)
tracemalloc.start()
g = (lambda: z for z in it)
print("genexpr made", tracemalloc.get_traced_memory()[0])
print([f() for f in g])
fs = make(3)
print([f() for f in fs], len({id(f.__closure__[0]) for f in fs}))
cell = fs[0].__closure__[0]
print(sys.getrefcount(cell), cell.cell_contents, fs[0].__code__.co_freevars, fs[0].__code__.co_flags)
print(fs[0].__code__ is fs[2].__code__, fs[0].__code__.co_name, fs[0].__code__.co_varnames)
del fs, cell
tracemalloc.stop()

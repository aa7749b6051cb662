# Reading a code object's names: what each version allocates. 3.8 to 3.10
# keep co_varnames, co_cellvars and co_freevars as tuples their compiler
# made; 3.11 builds a new tuple on every read (the tuple free list serves
# it); 3.12+ makes a 32-byte cache block on the first read of any of them and
# keeps each tuple it builds. Reading __code__ and the int attributes
# allocates nothing.
import sys
import gc
import tracemalloc


def wide(a, b, c, d, e, f, g, h, i, j, k, l):
    m = n = o = p = q = r = s = t = u = v = w = x = y = 0
    def inner():
        return a, b, m
    return inner


gc.collect()
code = wide.__code__
first = second = cells = frees = x = None
before = after = 0
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
first = code.co_varnames
after = tracemalloc.get_traced_memory()[0]
print("first read", after - before, len(first))
before = tracemalloc.get_traced_memory()[0]
second = code.co_varnames
after = tracemalloc.get_traced_memory()[0]
print("second read", after - before, first is second, sys.getrefcount(first))
before = tracemalloc.get_traced_memory()[0]
cells = code.co_cellvars
frees = code.co_freevars
after = tracemalloc.get_traced_memory()[0]
print("cells and frees", after - before, cells, frees, len(frees))
before = tracemalloc.get_traced_memory()[0]
x = code.co_argcount + code.co_nlocals + code.co_flags + code.co_firstlineno
x = wide.__code__
after = tracemalloc.get_traced_memory()[0]
print("ints and __code__", after - before)
first = second = None
before = tracemalloc.get_traced_memory()[0]
print("after dropping", before - after)
tracemalloc.stop()

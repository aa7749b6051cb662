# Before 3.11 a heap frame keeps a parameter's own slot beside the cell an
# inner function captures it in (co_cell2arg): the frame of make_adder(n)
# has three slots for n, add and n's cell, not two.
import gc
import tracemalloc


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_pair(a, b, *rest):
    return lambda: (a, rest)


gc.collect()
tracemalloc.start()
adders = [make_adder(i) for i in range(3)]
print(tracemalloc.get_traced_memory())
pairs = [make_pair(i, i, i) for i in range(3)]
print(tracemalloc.get_traced_memory())
print(sum(f(1) for f in adders), len(pairs))

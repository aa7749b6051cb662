# 3.8 to 3.10 make a heap frame object per call, and a code object keeps its
# first frame for later calls. CPython's start-up leaves frames on the frame
# free list: the first calls of new functions reuse them (allocated before
# tracing began, so tracemalloc sees nothing), then a frame too small for a
# function's locals is reallocated, and later calls allocate new frames.
# From 3.11 calls make no heap frames at all.
import tracemalloc


def f0():
    return None


def f1():
    return None


def f2(a, b, c, d, e, f, g, h, i, j, k):
    return None


def f3():
    return None


def f4(a, b, c, d, e, f, g):
    return None


def f5():
    return None


def f6():
    return None


tracemalloc.start()
growth = []
before = tracemalloc.get_traced_memory()[0]
f0()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f1()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f2(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f3()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f4(1, 2, 3, 4, 5, 6, 7)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f5()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f6()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f0()
growth.append(tracemalloc.get_traced_memory()[0] - before)
print(growth[1:])
tracemalloc.stop()

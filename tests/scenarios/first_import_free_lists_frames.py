# 3.8 to 3.10 make a heap frame object per call: a new function's first
# call takes one from the frame free list, reallocating it when it is too
# small. The first import of copy runs Python code that leaves more frames
# there (of other sizes) than start-up did: traced without a full
# collection first, which calls reuse a parked frame shows. From 3.11 calls
# make no heap frames.
import sys, gc, tracemalloc, copy


def f0():
    return None


def f1(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s):
    return None


def f2(a, b, c):
    return None


def f3(a, b, c, d, e, f, g, h, i, j, k, l):
    return None


def f4():
    return None


def f5(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o):
    return None


def f6(a, b, c, d, e, f, g, h):
    return None


def f7(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v):
    return None


def f8(a):
    return None


def f9(a, b, c, d, e, f, g, h, i, j, k, l, m, n):
    return None


def f10():
    return None


def f11(a, b, c, d, e):
    return None


def f12():
    return None


tracemalloc.start()
growth = []
before = tracemalloc.get_traced_memory()[0]
f0()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f1(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f2(1, 2, 3)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f3(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f4()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f5(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f6(1, 2, 3, 4, 5, 6, 7, 8)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f7(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f8(1)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f9(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f10()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f11(1, 2, 3, 4, 5)
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f12()
growth.append(tracemalloc.get_traced_memory()[0] - before)
before = tracemalloc.get_traced_memory()[0]
f0()
growth.append(tracemalloc.get_traced_memory()[0] - before)
print(growth[1:])
tracemalloc.stop()

# d | other and d |= other (PEP 584, 3.9+): a copy of the left dict updated
# with the right one, or the left one updated in place. Sizes, identity,
# GC tracking, tracemalloc; a TypeError on 3.8.
import sys, gc, tracemalloc

a = {1: 2, 3: 4}
b = {3: 5, 6: 7}
try:
    c = a | b
except TypeError as e:
    print("3.8:", e)
    c = dict(a)
    c.update(b)
print(c, sys.getsizeof(c), sys.getsizeof(a))
print(gc.is_tracked(c), gc.is_tracked(dict(a)))
big = {i: i for i in range(100)}
try:
    print(sys.getsizeof(big | {}), sys.getsizeof({} | big), sys.getsizeof(big | {1000: 1}))
    keep = a
    a |= {9: 9}
    print(a, a is keep, sys.getsizeof(a))
    s = {"k%d" % i: i for i in range(5)}
    del s["k1"]
    print(sys.getsizeof(s | {}), gc.is_tracked({1: []} | {}))
    gc.collect()
    tracemalloc.start()
    t0 = tracemalloc.get_traced_memory()[0]
    r = big | {1000: 1}
    t1 = tracemalloc.get_traced_memory()
    print("traced", t1[0] - t0, t1[1] - t0)
    del r
    tracemalloc.stop()
    {} | [(1, 2)]
except TypeError as e:
    print(e)
print(sys.getrefcount(b))

# staticmethod() and classmethod() of the script's functions: from 3.10 the
# __dict__ they fill with the function's attributes (GC counts, refcounts of
# the function, the annotations dict made on it), qualnames, tracemalloc
# figures of making and freeing them.
import sys, gc, tracemalloc
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def total(cls):
        return cls.count
    @staticmethod
    def helper(x):
        "Doubles x."
        return x * 2
a, b = Counter(), Counter()
print(Counter.total(), Counter.helper(4), a.count, a.helper(5), b.total())
gc.collect()
print(gc.get_count())
def plain(x: int) -> int:
    return x
s = staticmethod(plain)
print(gc.get_count(), sys.getsizeof(s), gc.is_tracked(s))
c = classmethod(plain)
print(gc.get_count(), sys.getrefcount(plain))
del s
print(gc.get_count(), sys.getrefcount(plain))
del c
print(gc.get_count(), sys.getrefcount(plain))
def f():
    pass
print(f.__qualname__ is f.__name__, plain.__qualname__)
print(len(gc.get_referents(staticmethod(f))))
class K:
    @staticmethod
    def one():
        return 1
    @classmethod
    def two(cls):
        return 2
gc.collect()
tracemalloc.start()
after = tracemalloc.get_traced_memory()[0]
print(K.one(), K.two())
x = staticmethod(f)
y = staticmethod(f)
print(tracemalloc.get_traced_memory()[0] - after)
del x, y
print(tracemalloc.get_traced_memory()[0] - after)
tracemalloc.stop()

import sys
import gc
import functools


class Result:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("free result", self.n)


class Key:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("free key", self.n)


def compute(n):
    "Make a Result."
    print("compute", n if isinstance(n, int) else "key")
    return Result(n if isinstance(n, int) else n.n)


gc.collect()

big = 10 ** 6
cached = functools.lru_cache(maxsize=2)(compute)
print(sys.getsizeof(cached), gc.is_tracked(cached), callable(cached))
print(cached.__wrapped__ is compute, cached.__name__, cached.__qualname__, cached.__module__)
print(sys.getrefcount(compute))
print(cached.cache_info())
r = cached(1)
print(sys.getrefcount(r))
cached(2)
print(cached(1) is r, sys.getrefcount(r))
print(cached.cache_info())
cached(3)
print("after 3 evicted 2")
print(cached.cache_info())
cached(2)
print("after 2 evicted 1")
del r
print("clearing")
cached.cache_clear()
print(cached.cache_info())
print(cached(big).n, sys.getrefcount(big))
k = Key(7)
print(cached(k).n, sys.getrefcount(k))
print(cached(k).n, cached.cache_info())
del k
print("k dropped")
cached(5)
print("after 5")
cached(6)
print("after 6")
print(cached(6).n, cached(5).n, cached.cache_info())
info = cached.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], len(info), info == (2, 5, 2, 2))
h, m, size, cur = info
print(h, m, size, cur)
del cached
print("end")

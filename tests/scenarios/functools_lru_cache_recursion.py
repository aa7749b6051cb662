import sys
import gc
import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=3)
def walk(n):
    return 0 if n == 0 else walk(n - 1) + 1


gc.collect()

print(fib(30), fib.cache_info())
print(fib(200) % 1000003, fib.cache_info())
print(sys.getrefcount(fib(150)))
print(walk(150), walk.cache_info())
print(walk(150), walk(149), walk(10), walk.cache_info())
fib.cache_clear()
print(fib.cache_info())
print(fib(60), fib.cache_info())

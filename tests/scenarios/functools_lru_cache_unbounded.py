import sys
import gc
import functools
import weakref


class Box:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("free box", self.n)


@functools.lru_cache(maxsize=None)
def boxed(n):
    return Box(n)


@functools.lru_cache(maxsize=0)
def uncached(n):
    return Box(n)


@functools.lru_cache
def bare(a, b):
    return [a, b]


@functools.lru_cache(typed=True)
def typed(x):
    print("typed miss", x)
    return x


gc.collect()

first = boxed(1)
ref = weakref.ref(first)
del first
print("cached result alive:", ref() is not None, ref().n)
for i in range(2, 40):
    boxed(i)
print(boxed.cache_info())
print(boxed(7).n, boxed.cache_info().hits)
print(uncached(1).n, uncached(1).n, uncached.cache_info())
pair = bare(1, 2)
print(pair, bare(1, 2) is pair, bare.cache_info())
print(sys.getrefcount(pair))
t = ("a", "b")
print(bare(t, t) is bare(t, t), sys.getrefcount(t))
print(typed(1), typed(1.0), typed(True), typed("s"), typed(1))
print(typed.cache_info())
try:
    boxed([1])
except TypeError as e:
    print("TypeError", e)
print(boxed.cache_info().misses)
try:
    functools.lru_cache("x")
except TypeError as e:
    print("TypeError", e)
try:
    functools.lru_cache(maxsize=3)(5)
except TypeError as e:
    print("TypeError", e)
print("clearing")
boxed.cache_clear()
print(ref())
print(boxed.cache_info())
try:
    print(boxed.cache_parameters())
except AttributeError as e:
    print("AttributeError", e)
if sys.version_info >= (3, 9):
    @functools.cache
    def square(x):
        return x * x
    print(square(12), square(12), square.cache_info())
else:
    try:
        functools.cache
    except AttributeError as e:
        print("AttributeError", e)
    print(144, 144, "CacheInfo(hits=1, misses=1, maxsize=None, currsize=1)")

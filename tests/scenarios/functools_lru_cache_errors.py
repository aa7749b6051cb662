import gc
import functools


@functools.lru_cache
def f():
    pass


gc.collect()
try:
    f.cache_clear(1)
except TypeError as e:
    print(e)
try:
    f.cache_info(x=1)
except TypeError as e:
    print(e)
try:
    f.cache_info(1)
except TypeError as e:
    print(e)
try:
    functools.lru_cache("x")
except TypeError as e:
    print(e)
try:
    functools.lru_cache(maxsize=3)(5)
except TypeError as e:
    print(e)
try:
    f.x
except AttributeError as e:
    print(e)
try:
    len(f)
except TypeError as e:
    print(e)
try:
    f[0]
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
print(f.cache_info())

import functools
import gc
import sys
import tracemalloc


class Meters:
    pass


def area(w: float, h: float) -> float:
    return w * h


def plain(a, b):
    return a


gc.collect()
# annotations are evaluated when def runs and kept by the function: before
# 3.10 as a dict, from 3.10 as a tuple of name, value pairs made a dict on
# the first read of __annotations__
print(area(2.0, 3.0), area.__annotations__)
before = sys.getrefcount(Meters)


def walk(d: Meters, *rest: Meters, scale: float = 1.0, **kw: Meters) -> Meters:
    return d


print(sys.getrefcount(Meters) - before)
ann = walk.__annotations__
print(ann)
print(list(ann), sys.getsizeof(ann), sys.getrefcount(ann))
print(walk.__annotations__ is ann, sys.getrefcount(Meters) - before)
del ann
# a function without annotations gets an empty dict on first read, kept
print(plain.__annotations__, sys.getsizeof(plain.__annotations__), plain.__annotations__ is plain.__annotations__)
print(sys.getsizeof(walk) == sys.getsizeof(plain))
# strings as annotations: constants (a constant tuple from 3.10)
def label(name: "str", count: "int" = 0) -> "str":
    return name * count


print(label("ab", 2), label.__annotations__)
# what a def allocates: counted by gc and tracemalloc
gc.collect()
c0 = gc.get_count()[0]
def typed(x: int, y: Meters) -> list:
    return [x, y]
c1 = gc.get_count()[0]
def untyped(x, y):
    return [x, y]
c2 = gc.get_count()[0]
print(c1 - c0, c2 - c1)
tracemalloc.start()
m0 = tracemalloc.get_traced_memory()[0]
def big(a: int, b: str, c: float, d: bytes, e: list, f: dict, g: set) -> tuple:
    return ()
m1 = tracemalloc.get_traced_memory()[0]
d = big.__annotations__
m2 = tracemalloc.get_traced_memory()[0]
del big
m3 = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(m1 - m0, m2 - m1, m3 - m2, len(d), sys.getsizeof(d))
# an annotation naming what is not defined fails when def runs
try:
    def broken(a: Undefined) -> None:
        pass
except NameError as e:
    print(e)
try:
    broken
except NameError as e:
    print(e)
# functools.update_wrapper copies the function's own dict
cached = functools.lru_cache(maxsize=None)(plain)
print(cached(1, 2), cached.__annotations__ is plain.__annotations__, cached.__annotations__)

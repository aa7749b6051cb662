import gc
import sys
import tracemalloc

calls = []


def register(function):
    calls.append(function.__name__)
    return function


counts = {}


def counted(function):
    count = counts.setdefault(function.__qualname__, [])

    def wrapper(*args, **kwargs):
        count.append(len(args))
        return function(*args, **kwargs)

    return wrapper


def tagged(label):
    def decorate(function):
        calls.append(label + ":" + function.__name__)
        return function

    return decorate


gc.collect()
# @d def f is f = d(f): the decorator is looked up first, called with the new
# function object, and the name gets whatever it returns


@register
def plain(x):
    return x + 1


@tagged("outer")
@tagged("inner")
@register
def stacked():
    return "s"


print(calls, plain(1), stacked())
print(plain.__name__, gc.is_tracked(plain), sys.getrefcount(plain))


@counted
def add(a, b=2):
    return a + b


print(add(1), add(1, b=5), counts["add"], add.__name__, add.__qualname__)
print(sys.getsizeof(add) == sys.getsizeof(plain))


def make():
    @counted
    def local(n):
        return [n] * n

    return local


first = make()
second = make()
print(first is second, first(3), second(2), counts["make.<locals>.local"])
del first, second
print(gc.collect())
tracemalloc.start()
for i in range(100):
    made = make()
current, peak = tracemalloc.get_traced_memory()
del made
tracemalloc.stop()
print(current > 0, peak >= current)


def replace(function):
    return 42


@replace
def gone():
    pass


print(gone, type(gone).__name__)
try:

    @tagged
    def broken():
        pass

    broken()
except TypeError as e:
    print(e)

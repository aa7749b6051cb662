import gc
import sys


def plain():
    return 1


def with_defaults(a, b=2, c=(1, 2)):
    """A docstring."""
    return a + b


def star(*args, **kwargs):
    return len(args) + len(kwargs)


class Thing:
    def __init__(self):
        self.x = 1


gc.collect()
# function objects and lambdas: sizes vary by version, equal between kinds of def
f = lambda: 0
g = lambda a, b=1: a + b
print(sys.getsizeof(plain) == sys.getsizeof(with_defaults), sys.getsizeof(plain) == sys.getsizeof(f))
print(sys.getsizeof(star) == sys.getsizeof(g), type(plain).__name__, type(f).__name__)
print(gc.is_tracked(plain), gc.is_tracked(f), gc.is_tracked(Thing), gc.is_tracked(Thing()))
print(with_defaults(1), with_defaults(1, 5), star(1, 2, k=3), g(4))
fs = [lambda v: v + 1 for i in range(3)]
print(len(fs), fs[0](10), fs[2](10), len(set(id(x) for x in fs)), fs[0] is fs[1])
print(type(Thing()).__name__, isinstance(Thing(), Thing), isinstance(f, type(plain)))

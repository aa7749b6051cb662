import sys
import gc
import weakref


def factory(cls):
    def make(*args):
        return cls(*args)

    return make


def keep_first(cls):
    kept.append(cls)
    return kept[0]


kept = []
gc.collect()


@factory
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(type(Point).__name__, Point.__name__)
p = Point(1, 2)
print(type(p).__name__, p.x + p.y)
cls = type(p)
print(sys.getrefcount(cls))
ref = weakref.ref(p)
del cls, Point
print(ref() is None, sys.getrefcount(p))
del p
print(ref() is None)
print("collected", gc.collect())


@keep_first
class First:
    pass


@keep_first
class Second:
    pass


print(First is Second, First.__name__, len(kept), sys.getrefcount(First))
kept.clear()
print(sys.getrefcount(First))
print("collected", gc.collect())
del First
print("collected", gc.collect())

# __slots__ with private names: type_new mangles them with the class name,
# so the member (and the instance's slot) is `_Point__x`; __slots__ itself
# keeps the names as written.
import sys
import gc


class Point:
    __slots__ = ("__x", "y", "__weakref__")

    def __init__(self, x, y):
        self.__x = x
        self.y = y

    def x(self):
        return self.__x


class _Hidden:
    __slots__ = ["__secret"]


gc.collect()
p = Point(1, 2)
print(p.x(), p.y, p._Point__x, sys.getsizeof(p))
print(Point.__slots__, Point._Point__x)
h = _Hidden()
try:
    h._Hidden__secret
except AttributeError as e:
    print(e)
h._Hidden__secret = 5
print(h._Hidden__secret, hasattr(h, "__secret"))
try:
    h.__secret = 1
except AttributeError as e:
    print(e)
try:
    class Clash:
        __slots__ = ("__v",)
        __v = 1
except ValueError as e:
    print(e)

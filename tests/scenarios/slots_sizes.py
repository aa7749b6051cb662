import sys
import gc


class Plain:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Pair:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Listed:
    __slots__ = ['a', 'b', 'c']


class One:
    __slots__ = 'v'


class Empty:
    __slots__ = ()


class Weak:
    __slots__ = ('x', '__weakref__')


class WeakOnly:
    __slots__ = ('__weakref__',)


class Triple(Pair):
    __slots__ = ('z',)


class NoMore(Pair):
    __slots__ = ()


class MoreWeak(Pair):
    __slots__ = ('w', '__weakref__')


class EmptyBelow(Empty):
    pass


gc.collect()
for cls in (Plain, Pair, Listed, One, Empty, Weak, WeakOnly, Triple, NoMore, MoreWeak, EmptyBelow):
    obj = cls(1, 2) if cls in (Plain, Pair, Triple, NoMore, MoreWeak) else cls()
    print(cls.__name__, sys.getsizeof(obj), obj.__sizeof__(), gc.is_tracked(obj))
p = Plain(1, 2)
q = Pair(1, 2)
print(sys.getsizeof(p) + sys.getsizeof(p.__dict__), sys.getsizeof(q))
print(Pair.x, type(Pair.x).__name__)
print(repr(Triple.z), Triple.x)
print(Pair.__slots__, Listed.__slots__, One.__slots__, Empty.__slots__)
print(q.__slots__)
e = EmptyBelow()
e.k = 5
print(e.k, e.__dict__)
try:
    q.__dict__
except AttributeError as err:
    print('AttributeError:', err)

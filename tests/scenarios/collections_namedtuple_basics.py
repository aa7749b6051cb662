# collections.namedtuple: sizes against tuples, dicts and slotted classes
# (instances are tuples of a heap subtype), fields by name and index,
# unpacking, repr, equality and hashing as tuples, isinstance and the MRO,
# the class's own attributes, _asdict, _replace and _make, and the field
# string forms ('x y', 'x, y', a list), rename= and defaults=.
import gc
import sys
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
Spaced = namedtuple('Spaced', 'x y')
Commas = namedtuple('Commas', 'x, y,z')
Empty = namedtuple('Empty', '')


class Slotted:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


gc.collect()

p = Point(1, 2)
print("sizes", sys.getsizeof(p), sys.getsizeof((1, 2)), sys.getsizeof(Slotted(1, 2)),
      sys.getsizeof({'x': 1, 'y': 2}), sys.getsizeof(Empty()), sys.getsizeof(Commas(1, 2, 3)))
print("classes", sys.getsizeof(Point) == sys.getsizeof(Slotted))
print("fields", p.x, p.y, p[0], p[1], p[-1], p[:1], len(p), list(p))
x, y = p
print("unpack", x, y)
print("repr", p, repr(p), str(p), f"{p}", [p], (p,), {'k': p})
print("spaced", Spaced(3, 4), Commas(1, 2, 3), Empty(), Commas._fields, Empty._fields)
print("equal", p == (1, 2), (1, 2) == p, p == Point(1, 2), p == Spaced(1, 2), p != (2, 1))
print("order", p < (1, 3), p > Point(0, 9), sorted([Point(2, 1), Point(1, 5)]))
print("hash", hash(p) == hash((1, 2)), len({p, (1, 2), Point(1, 2)}))
print("types", type(p) is Point, isinstance(p, tuple), isinstance(p, Point),
      isinstance((1, 2), Point), isinstance(p, Spaced), issubclass(Point, tuple),
      issubclass(Point, object), issubclass(tuple, Point), type(Point))
print("mro", type(p).__mro__, Point.__bases__, Point.__name__, Point.__qualname__,
      Point.__module__)
print("class", Point, repr(Point), Point.__doc__, Point.__slots__, Point._fields,
      p._fields is Point._fields, p.__class__ is Point)
print("asdict", p._asdict(), type(p._asdict()))
print("replace", p._replace(x=3), p._replace(), p._replace() is p, p)
print("make", Point._make([5, 6]), Point._make(range(2)), p._make((7, 8)))
print("methods", p.count(1), p.index(2), tuple(p), tuple(p) is p, type(tuple(p)),
      p + (3,), p * 2, type(p + ()))
print("keywords", Point(y=2, x=1), Point(1, y=2), Point(*[1, 2]), Point(**{'x': 1, 'y': 2}))
Renamed = namedtuple('Renamed', ['a', 'def', 'a', '_b', '1c'], rename=True)
print("rename", Renamed._fields, Renamed(1, 2, 3, 4, 5))
Defaults = namedtuple('Defaults', 'a b c', defaults=[10, 20])
print("defaults", Defaults(1), Defaults(1, 2), Defaults(1, c=3), Defaults._field_defaults)
Module = namedtuple('Module', 'a', module='geometry')
print("module", Module, Module.__module__, Module(1))
Numbered = namedtuple('Numbered', ('a', 'b'))
print("tuple fields", Numbered(1, 2), Numbered._fields)
nested = Point(Point(1, 2), [Point(3, 4)])
print("nested", nested, nested.x.y, nested.y[0].x)
print("in", 1 in p, 3 in p, (1, 2) in [p])
print("bool", bool(p), bool(Empty()))
print("getattr", getattr(p, 'x'), getattr(p, 'z', 'none'), hasattr(p, 'y'), hasattr(p, 'z'))

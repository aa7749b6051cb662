# The dataclass lesson: a Point with a default, its repr, equality and
# sizes; slots=True (3.10+; a TypeError before, as CPython raises it);
# a frozen dataclass's FrozenInstanceError and hash; default_factory making
# a list per instance; the instances' reference counts and their cycles
# collected.
import gc
import sys
from dataclasses import dataclass, field

gc.collect()


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, p == Point(1, 2), sys.getsizeof(p), sys.getsizeof(p.__dict__))
try:
    @dataclass(slots=True)
    class SPoint:
        x: int
        y: int
    gc.collect()  # the class slots=True replaced
    s = SPoint(1, 2)
    print(s, sys.getsizeof(s), hasattr(s, "__dict__"))
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(frozen=True)
class F:
    a: int


f = F(1)
try:
    f.a = 2
except Exception as e:
    print(type(e).__name__, e)


@dataclass
class Inv:
    items: list = field(default_factory=list)


print(Inv(), Inv().items is Inv().items, hash(f))
gc.collect()
a = Inv()
b = Inv([a])
a.items.append(b)
print(sys.getrefcount(a), sys.getrefcount(b), gc.is_tracked(a))
del a, b
print(gc.collect())

# dataclass(slots=True), new in 3.10 (a TypeError from dataclass() before):
# a new class with __slots__ of the field names, its instances the size of
# a hand-written slotted class's and without a __dict__, the defaults moved
# out of the class into __init__, against the same dataclass without slots.
import gc
import sys
from dataclasses import dataclass, field


@dataclass
class Point:
    x: int
    y: int = 0


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y=0):
        self.x = x
        self.y = y


try:
    @dataclass(slots=True)
    class SPoint:
        x: int
        y: int = 0
except TypeError as e:
    print("TypeError", e)
    SPoint = None

gc.collect()
p = Point(1, 2)
print(p, sys.getsizeof(p) + sys.getsizeof(p.__dict__), sys.getsizeof(Slotted(1, 2)))
if SPoint is not None:
    s = SPoint(1, 2)
    print(s, sys.getsizeof(s), hasattr(s, "__dict__"), s == SPoint(1, 2), SPoint(5))
    print(SPoint.__slots__, SPoint.y)
    try:
        s.z = 3
    except AttributeError as e:
        print("AttributeError")
    points = [SPoint(i, i) for i in range(1000)]
    print(sum(sys.getsizeof(q) for q in points), sys.getrefcount(points[0]))
    del points
    print(gc.collect())
else:
    print(sys.getsizeof(Slotted(1, 2)))

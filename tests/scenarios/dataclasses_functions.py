# dataclasses' functions: fields() (Field objects with name, type,
# default), asdict() and astuple() (nested dataclasses, new dicts and
# tuples sized as CPython's), replace() (a new instance through __init__),
# is_dataclass(), MISSING, inheritance of fields from a dataclass base.
import gc
import sys
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass
class Line:
    start: Point
    end: Point
    name: str = "line"


gc.collect()
p = Point(1, 2)
line = Line(Point(0, 0), Point(3, 4))
print([f.name for f in fields(p)], [f.type for f in fields(Point)])
print([f.default is dataclasses.MISSING for f in fields(Point)], fields(Point)[1].default)
print(asdict(p), astuple(p), asdict(line), astuple(line))
d = asdict(line)
print(sys.getsizeof(d), sys.getsizeof(d["start"]), sys.getsizeof(astuple(line)))
p2 = replace(p, y=5)
print(p2, p2 is p, p, replace(p))
try:
    replace(p, z=1)
except TypeError as e:
    print(e)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(1), is_dataclass(dict))
try:
    fields(1)
except TypeError as e:
    print(e)
try:
    asdict(Point)
except TypeError as e:
    print(e)


@dataclass
class Point3(Point):
    z: int = 0


gc.collect()
p3 = Point3(1, 2, 3)
print(p3, [f.name for f in fields(p3)], p3 == Point3(1, 2, 3), p3 == Point(1, 2))
print(sys.getsizeof(p3.__dict__), asdict(p3))


@dataclass
class Counter:
    hits: int = 0
    label: str = "c"


gc.collect()
c = Counter()
for i in range(3):
    c = replace(c, hits=c.hits + 1)
print(c)
del c
print(gc.collect())

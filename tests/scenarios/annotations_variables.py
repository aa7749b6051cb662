import gc
import sys


class Point:
    x: int
    y: int = 0
    label: str = "p"

    def __init__(self, x: int) -> None:
        self.x: int = x
        scratch: list = []
        note: Undefined
        self.seen: bool
        self.count = len(scratch)


class Point3(Point):
    z: float = 0.0


class Plain(Point):
    pass


class Empty:
    pass


gc.collect()
# module level: __main__'s __annotations__ exists from start-up
n: int = 5
name: str
(paren): int = 1
print(__annotations__, n, paren, sys.getsizeof(__annotations__))
try:
    name
except NameError as e:
    print(e)
# class bodies get their own __annotations__ dict
print(Point.__annotations__, Point.y, Point.label)
print(Point3.__annotations__, sys.getsizeof(Point.__annotations__))
p = Point(3)
print(p.x, p.count, vars(p))
# a class without annotations: inherited before 3.10, an empty dict made
# (and kept) from 3.10
print(Plain.__annotations__ is Point.__annotations__)
try:
    print(Empty.__annotations__, Empty.__annotations__ is Empty.__annotations__)
except AttributeError as e:
    print(e)
# annotated attributes and items: the target's object is evaluated
box = {}
box["k"]: int = 7
p.y: float = 2.5
print(box, p.y, __annotations__)
try:
    missing.attr: int
except NameError as e:
    print(e)
try:
    box[undefined_key]: int
except NameError as e:
    print(e)
# an annotation is evaluated at module level, not inside functions
def local():
    v: Undefined = 1
    w: AlsoUndefined
    return v


print(local())
try:
    bad: Undefined = 1
except NameError as e:
    print(e, bad)

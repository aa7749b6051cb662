# dataclasses.dataclass: the generated __init__ (fields set in order, so the
# instance dict is the shared-key dict a hand-written class gets), __repr__
# with the qualname, __eq__ on tuples of fields (NotImplemented for other
# classes), the unhashable default, sizes against a plain class, defaults
# as class attributes, field(default_factory=...) making one object per
# instance, and the errors of the generated __init__.
import gc
import sys
from dataclasses import dataclass, field


@dataclass
class Point:
    x: int
    y: int = 0


class Plain:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


gc.collect()
p = Point(1, 2)
q = Plain(1, 2)
print(p, p == Point(1, 2), p != Point(1, 3), p == (1, 2), Point(3))
print("sizes", sys.getsizeof(p), sys.getsizeof(q), sys.getsizeof(p.__dict__), sys.getsizeof(q.__dict__))
print("dict", p.__dict__, Point.y, Point(5).y)
print("refs", sys.getrefcount(p), gc.is_tracked(p))
try:
    hash(p)
except TypeError as e:
    print("hash", e)
print("hash attr", Point.__hash__)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Point(1, z=2)
except TypeError as e:
    print(e)
print(Point(y=4, x=3))


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)


a = Inventory("a")
b = Inventory("b")
a.items.append(1)
print(a, b, a.items is b.items, sys.getsizeof(a.items), sys.getsizeof(a.tags))
print(Inventory("c", [1, 2]))


@dataclass
class Many:
    a: int
    b: str = "b"
    c: float = 1.5
    d: tuple = (1, 2)
    e: object = None


m = Many(1)
print(m, sys.getsizeof(m.__dict__), len(m.__dict__))
many = [Many(i) for i in range(100)]
print(many[99], sys.getsizeof(many[99].__dict__))
del many
print(gc.collect())


@dataclass
class Node:
    value: int
    next: object = None


n = Node(1)
n.next = n
print(n == n)
del n
print("cycle", gc.collect())
print(Node(1, Node(2)))

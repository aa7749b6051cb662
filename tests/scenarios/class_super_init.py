# Zero-argument super() in __init__ and methods, and super(B, self): the
# __class__ cell the class statement fills (one more reference to the class),
# the closures of the methods that use it, the super object (56 bytes,
# GC-tracked, holding the class, the instance and its type), the bound
# method made through it, and a three-level chain.
import gc
import sys


class Shape:
    kind = "shape"

    def __init__(self, w):
        self.w = w

    def describe(self):
        return f"{self.kind} {self.w}"

    def area(self):
        return 0


class Rect(Shape):
    kind = "rect"

    def __init__(self, w, h):
        super().__init__(w)
        self.h = h

    def area(self):
        return self.w * self.h + super().area()

    def describe(self):
        return super().describe() + f"x{self.h}"

    def base_kind(self):
        return super().kind

    def parent_area(self):
        return super(Rect, self).area()

    def super_object(self):
        return super()

    def bound_parent(self):
        return super().area


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)

    def describe(self):
        return "square: " + super().describe()


gc.collect()
print(sys.getrefcount(Shape) - sys.getrefcount(Square), sys.getrefcount(Square))
r = Rect(2, 3)
s = Square(4)
print(r.describe(), r.area(), s.describe(), s.area())
print(r.base_kind(), r.parent_area(), s.parent_area())
print(sys.getsizeof(r) == sys.getsizeof(Shape(1)), sorted(vars(s)))
sup = r.super_object()
print(type(sup).__name__, sys.getsizeof(sup), gc.is_tracked(sup), sys.getrefcount(r))
print(len(gc.get_referents(sup)), Rect in gc.get_referents(sup), r in gc.get_referents(sup))
del sup
print(sys.getrefcount(r))
m = r.bound_parent()
print(type(m).__name__, m(), sys.getrefcount(r))
del m
print(sys.getrefcount(r))
for i in range(3):
    print(Square(i).area(), end=" ")
print()
gc.collect()
before = gc.get_count()[0]
shapes = [Square(i) for i in range(10)]
print(gc.get_count()[0] - before, sum(sh.area() for sh in shapes))
del shapes
print(gc.collect())

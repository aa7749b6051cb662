# Type objects and builtin functions: sys.getsizeof of static types (no GC
# header) and of classes (their instances' cached keys counted), and which
# of them the cyclic GC tracks.
import sys, gc


class Empty:
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Wide:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
        self.d = 4
        self.e = 5
        self.f = 6
        self.g = 7


gc.collect()
print(sys.getsizeof(int), sys.getsizeof(list), sys.getsizeof(dict), sys.getsizeof(object))
print(sys.getsizeof(type), sys.getsizeof(ValueError), sys.getsizeof(str) == sys.getsizeof(tuple))
print(gc.is_tracked(int), gc.is_tracked(ValueError), gc.is_tracked(Empty))
print(sys.getsizeof(Empty), sys.getsizeof(Point), sys.getsizeof(Wide))
p = Point(1, 2)
w = Wide()
print(sys.getsizeof(Empty), sys.getsizeof(Point), sys.getsizeof(Wide))
w2 = Wide()
e = Empty()
e.one = 1
print(sys.getsizeof(Wide), sys.getsizeof(Empty))
print(gc.is_tracked(len), gc.is_tracked(print), gc.is_tracked(sys.getsizeof), gc.is_tracked(gc.collect))
print(sys.getsizeof(len), sys.getsizeof(sys.getsizeof), sys.getsizeof([].append))
print(gc.is_tracked([].append), gc.is_tracked("".join))

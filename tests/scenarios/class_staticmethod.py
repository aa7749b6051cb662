# @staticmethod and @classmethod: the 48-byte descriptor objects in the class,
# a static method reached through the class or an instance giving the plain
# function (no bound method), a class method binding a new method object to
# the class on every access (3.8 takes it from its free list), classmethod
# alternative constructors, and reference counts of the class and function.
# From 3.10 both copy the function's attributes into a __dict__ of their own,
# which heapsim does not model (refused there).
import gc
import sys
import tracemalloc


class Point:
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    @staticmethod
    def distance(a, b):
        return abs(a.x - b.x) + abs(a.y - b.y)

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @classmethod
    def from_pair(cls, pair):
        return cls(pair[0], pair[1])


def measure(call):
    out = []
    for _ in range(3):
        tracemalloc.start()
        call()
        out.append(tracemalloc.get_traced_memory())
        tracemalloc.stop()
    return out


gc.collect()
p = Point.from_pair((3, 4))
o = Point.origin()
print(Point.distance(p, o), p.distance(o, p), Point.count)
print(Point.distance is p.distance, Point.origin is Point.origin, Point.origin == Point.origin)
m = Point.origin
print(type(m).__name__, sys.getsizeof(m))
del m
print(sys.getrefcount(Point), sys.getrefcount(Point.distance))
print(measure(lambda: Point.distance(p, o)))
print(measure(lambda: p.distance(p, o)))
Point.origin()
print(measure(lambda: Point.origin()))
gc.collect()
before = gc.get_count()[0]
points = [Point.from_pair((i, i)) for i in range(5)]
print(gc.get_count()[0] - before, Point.count)
print(sum(Point.distance(a, o) for a in points))
wrapped = [staticmethod(len), classmethod(len)]
print([type(w).__name__ for w in wrapped], [sys.getsizeof(w) for w in wrapped],
      [gc.is_tracked(w) for w in wrapped])

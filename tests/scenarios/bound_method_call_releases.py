# A class method called through the class: from 3.11 the bound method is
# dropped before the body runs, so the instance the body makes reuses its
# memory (tracemalloc's peak); before, it lives until the call returns.
import tracemalloc, gc
class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    @classmethod
    def origin(cls):
        return cls(0, 0)
def measure(call):
    out = []
    for _ in range(3):
        tracemalloc.start()
        call()
        out.append(tracemalloc.get_traced_memory())
        tracemalloc.stop()
    return out
gc.collect()
o = Point.origin()
Point.origin()
print(measure(lambda: Point.origin()))
print(measure(lambda: Point(1, 2)))

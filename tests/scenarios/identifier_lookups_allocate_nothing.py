# Looking up a special method the program never defines (__init__,
# __radd__, ...) allocates nothing: CPython interned those names as it
# started.
import gc
import tracemalloc


class Plain:
    pass


class Base:
    def __add__(self, other):
        return 1


class Derived(Base):
    pass


class Error(Exception):
    pass


class Child(Plain):
    def __init__(self):
        super().__init__()


gc.collect()
tracemalloc.start()
p = Plain()
print("plain", tracemalloc.get_traced_memory())
points = [Plain() for _ in range(3)]
print("three", tracemalloc.get_traced_memory())
del p, points
tracemalloc.reset_peak() if hasattr(tracemalloc, "reset_peak") else None
tracemalloc.stop()
tracemalloc.start()
total = Base() + Derived()
print("add", total, tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
c = Child()
print("super init", tracemalloc.get_traced_memory())
tracemalloc.stop()
try:
    raise Error("x")
except Error as e:
    print("raised", type(e).__name__)

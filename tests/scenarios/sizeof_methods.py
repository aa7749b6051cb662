import gc
import sys


class Plain:
    pass


def function():
    pass


gc.collect()
# x.__sizeof__() against sys.getsizeof(x): equal for types without a GC
# header, 16 less for GC types, and less again for 3.11+ instances
objects = [
    ("int", 5), ("big int", 10 ** 30), ("negative", -7), ("zero", 0), ("bool", True),
    ("float", 1.5), ("complex", 2j), ("str", "abc"), ("empty str", ""), ("latin-1 str", "caf\xe9"),
    ("wide str", "\u20ac" * 3), ("bytes", b"ab"), ("bytearray", bytearray(b"abc")),
    ("list", [1, 2, 3]), ("empty list", []), ("grown list", list(range(17))),
    ("tuple", (1, 2)), ("empty tuple", ()), ("dict", {1: 2}), ("empty dict", {}),
    ("big dict", {i: i for i in range(50)}),
    ("set", {1}), ("big set", set(range(100))), ("frozenset", frozenset()),
    ("range", range(3)), ("slice", slice(1, 2)), ("None", None), ("object", object()),
    ("instance", Plain()), ("function", function), ("generator", (i for i in ())),
    ("list iterator", iter([])), ("dict keys", {}.keys()), ("builtin", len),
    ("bound builtin", [].append), ("exception", ValueError("x")),
]
for name, value in objects:
    size = sys.getsizeof(value)
    own = value.__sizeof__()
    print(name, size, own, size - own)
a = [1, 2, 3]
a.append(4)
print(a.__sizeof__(), sys.getsizeof(a))
s = "x"
print(s.__sizeof__() == sys.getsizeof(s), (1).__sizeof__(), True.__sizeof__())
m = [].__sizeof__
print(type(m).__name__, m())
try:
    [].__sizeof__(1)
except TypeError as e:
    print(type(e).__name__, e)
before = gc.get_count()[0]
sizes = [x.__sizeof__() for x in ([], {}, set())]
after = gc.get_count()[0]
print(sizes, after - before)

# sys.version_info (a struct sequence: a tuple subclass with named fields),
# sys.maxsize, sys.byteorder, sys.implementation.name and
# sys.getdefaultencoding(); sys.getsizeof with a default and keywords.
import sys
import gc
from sys import version_info, maxsize

gc.collect()

vi = sys.version_info
print(vi)
print(repr(vi), str(vi) == repr(vi))
print(vi.major, vi.minor, vi.micro > -1, vi.releaselevel, vi.serial)
print(vi[0], vi[1] == vi.minor, vi[-2:], vi[:2], vi[::2])
print(len(vi), isinstance(vi, tuple), vi is version_info)
print(vi >= (3, 8), vi >= (3, 10), vi < (3, 12), vi[:2] == (3, vi.minor), vi > (3,))
print(vi == tuple(vi), hash(vi) == hash(tuple(vi)), 3 in vi, 'final' in vi)
print(vi.index(3), vi.count(0) >= 1)
major, minor, *rest = vi
print(major, minor == vi.minor, len(rest))
print(sys.getsizeof(vi), sys.getsizeof(vi[:2]), sys.getsizeof(tuple(vi)))
print(gc.is_tracked(vi), gc.is_tracked(vi[:2]), len(gc.get_referents(vi)))
# Routes that give back an exact tuple itself make a new one from it.
print(vi[:] is vi, tuple(vi) is vi, vi + () is vi, () + vi is vi, vi * 1 is vi)
print(type(vi[:]).__name__, type(vi + ()).__name__, vi[:] == vi)
print(vi + (1,), vi * 2 == tuple(vi) * 2)
print(f"{vi.major}.{vi.minor}", "%d.%d" % vi[:2], "{}.{}".format(*vi))
if vi >= (3, 10):
    print("3.10 or later")
else:
    print("before 3.10")
try:
    vi.foo
except AttributeError as e:
    print(e)
try:
    vi[5]
except IndexError as e:
    print(e)

before = gc.get_count()[0]
pair = vi[:2]
after = gc.get_count()[0]
print(after - before, pair)

print(sys.maxsize, maxsize is sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.getsizeof(sys.maxsize), sys.getsizeof(sys.maxsize + 1), type(sys.maxsize).__name__)
print(sys.byteorder, len(sys.byteorder), sys.getsizeof(sys.byteorder))
print(sys.implementation.name, sys.implementation.cache_tag == "cpython-%d%d" % vi[:2])
print(sys.getsizeof(sys.implementation.name), sys.implementation.name.upper())
enc = sys.getdefaultencoding()
print(enc, sys.getsizeof(enc), enc == 'utf-8')

# sys.getsizeof(object, default): keywords as PyArg_ParseTupleAndKeywords takes them.
print(sys.getsizeof([], 5), sys.getsizeof([], default=7), sys.getsizeof(object=(1,)))
for args, kwargs in (((), {}), (([], 1, 2), {}), (([],), {"x": 1})):
    try:
        sys.getsizeof(*args, **kwargs)
    except TypeError as e:
        print(e)

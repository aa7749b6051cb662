# reversed(): lists, ranges, dicts and their views give their own reverse
# iterators (through a bound __reversed__); other sequences a `reversed`
# object that indexes them; sets and iterators are not reversible. Sizes,
# GC tracking, length hints (what list() presizes by) and errors.
import array, gc, sys

d = {1: 0, 2: 5, 3: 9}
cases = [("list", [1, 2, 3]), ("tuple", (1, 2, 3)), ("str", "abc"), ("unicode", "h\u00e9\u20ac!"),
         ("bytes", b"ab"), ("bytearray", bytearray(b"xyz")), ("range", range(2, 20, 3)),
         ("empty range", range(0)), ("dict", d), ("keys", d.keys()), ("values", d.values()),
         ("items", d.items()), ("empty dict", {}), ("array", array.array("i", [4, 5, 6])),
         ("float array", array.array("d", [1.5, 2.5]))]
for name, obj in cases:
    r = reversed(obj)
    print(name, type(r).__name__, sys.getsizeof(r), gc.is_tracked(r), list(r))

for bad in ({1, 2}, 5, iter([1]), None):
    try:
        reversed(bad)
    except TypeError as e:
        print(e)

t = (10, 20, 30, 40)
r = reversed(t)
print(next(r), list(r), list(r))
r = reversed(d)
print(next(r))
d[4] = 16
try:
    next(r)
except RuntimeError as e:
    print(e)
r = reversed(d.items())
a = next(r)
b = next(r)
print(a, b, a is b)
del a
x = next(r)
y = next(r)
print(x, y)
ba = bytearray(b"abcd")
r = reversed(ba)
print(next(r))
del ba[1:]
print(list(r))
big = [0] * 100
r = reversed(big)
for _ in range(40):
    next(r)
print(sys.getsizeof(list(r)), sys.getsizeof(list(reversed(range(1000)))))
print(list(reversed(range(10, -10, -4))), list(reversed(range(-3, 3))))

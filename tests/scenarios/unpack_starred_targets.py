import gc
import sys

gc.collect()
# a, *rest = x: the starred name gets a new list, built by extending an
# empty list from the iterator (sized by its length hint) and then cut short
# by the names after the star without giving memory back
for n in range(10):
    src = list(range(n + 1))
    a, *rest = src
    *init, z = src
    print(n, len(rest), sys.getsizeof(rest), len(init), sys.getsizeof(init))
for n in range(2, 12):
    first, *mid, last = tuple(range(n))
    p, *q = "x" * n
    u, *v = range(n)
    print(n, sys.getsizeof(mid), sys.getsizeof(q), sys.getsizeof(v))
keys = {i: str(i) for i in range(5)}
k, *ks = keys
print(k, ks, sys.getsizeof(ks))
h, *hs = (i * i for i in range(6))
print(h, hs, sys.getsizeof(hs))
*everything, = [1, 2, 3]
print(everything, sys.getsizeof(everything))
[head, *tail] = "hello"
print(head, tail)
(a, *b), c = "xy", 3
print(a, b, c)
for a, *b in [(1, 2, 3), (4,), [5, 6]]:
    print(a, b, sys.getsizeof(b))
print([b for a, *b in [(1, 2), (3, 4, 5)]])
# the items are shared, not copied
box = [object(), object()]
one = box[1]
before = sys.getrefcount(one)
x, *y = box
print(sys.getrefcount(one) - before, y[0] is one, gc.is_tracked(y))
del x, y
print(sys.getrefcount(one) - before)
first, *_, last = [10, 20, 30, 40]
print(first, _, last)
for bad in ([1], (), "a", range(1)):
    try:
        a, b, *c = bad
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a, *b, c, d = (1, 2)
except ValueError as e:
    print(e)
try:
    a, *b = 5
except TypeError as e:
    print(e)
try:
    a, *b = None
except TypeError as e:
    print(e)

import gc
import sys
import tracemalloc

x = [1, 2]
y = 7
gc.collect()
# 3.8 packs plain items between starred ones into tuples (constant ones
# folded) or sets; 3.9+ starts from a list of the leading items
c0 = gc.get_count()
r1 = [0, *x, 1]
c1 = gc.get_count()
r2 = [y, *x, y]
c2 = gc.get_count()
r3 = {y, *x, 5}
c3 = gc.get_count()
r4 = (*x, y)
c4 = gc.get_count()
print(c0, c1, c2, c3, c4)
# [*a, *b], (*a,), {*a}, {**d}: the result is built empty (or from the
# leading items, 3.9+) and extended by each starred part, as list.extend
# and set.update size it; a tuple display goes through a list first
for n in range(7):
    x = list(range(n))
    t = tuple(x)
    print(n, sys.getsizeof([*x]), sys.getsizeof([*x, *x]), sys.getsizeof([*t]),
          sys.getsizeof((*x,)), sys.getsizeof({*x}), sys.getsizeof([0, *x, 1]),
          sys.getsizeof([*x, 0]), sys.getsizeof([0, 1, 2, *x]))
a = [1, 2, 3]
b = (4, 5)
s = "xyz"
print(sys.getsizeof([*a, *b]), sys.getsizeof((*a, *b)), sys.getsizeof({*a, *b}),
      sys.getsizeof([*s]), sys.getsizeof([*range(5)]), sys.getsizeof([*{1: 2, 3: 4}]))
print(sys.getsizeof({0, *a}), sys.getsizeof({*a, 9}), sys.getsizeof({*{1, 2, 3}, *b}))
print([*a, *b], (*a, *b), sorted({*a, *b}), [*s], (*"ab",), [*range(3)], [0, *a, 9])
d1 = {"a": 1}
d2 = {"b": 2, "c": 3}
print(sys.getsizeof({**d1, **d2}), sys.getsizeof({**d1}), sys.getsizeof({**d2, "z": 0}),
      sys.getsizeof({"z": 0, **d2}))
print({**d1, **d2}, {"a": 0, **d1}, {**d1, "a": 9})
# the items are shared; the parts are let go of once the result is made
item = [0]
before = sys.getrefcount(item)
both = [*[item], *(item,)]
print(sys.getrefcount(item) - before, both[0] is both[1], gc.is_tracked((*b,)), gc.is_tracked((*a, [])))
del both
print(sys.getrefcount(item) - before)
src = list(range(1000))
tracemalloc.start()
big = [*src, *src]
current, peak = tracemalloc.get_traced_memory()
print(current, peak)
del big
tracemalloc.stop()
for bad in (5, None):
    for build in (lambda: [*bad], lambda: (*bad,), lambda: {*bad}, lambda: [1, *bad]):
        try:
            build()
        except TypeError as e:
            print(e)

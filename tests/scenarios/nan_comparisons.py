# NaN compares unequal to everything, itself included, under the operators;
# containers, `in`, count() and index() take an object as equal to itself.
import sys, gc

gc.collect()
n = float('nan')
m = float('nan')
print(n == n, n != n, n < n, n <= n, n > n, n >= n)
print(n == m, n != m, n < 1.0, n <= 1.0, n > 1, n >= 1, 1 == n, 1 != n)
print(n in [n], n in [m], n not in (n,), [n] == [n], [n] == [m], (n,) == (n,), [n] != [n])
print([n] <= [n], [n] < [n], (1, n) < (1, n), [n, 1] < [n, 2])
print([n, m, n].count(n), [m, n].index(n), (m, n).index(n))
print({n} == {n}, {n: 1} == {n: 1}, {n: 1}[n], {n: 1}.get(m))
c = complex(n, 0)
print(c == c, c != c, c in [c], [c] == [c])
print(min(n, 1.0), max(1.0, n), min(1.0, n))
print(max([n, 5.0, 3.0]), min([2.0, n, 1.0]))
x = 2.5
print(x == x, x <= x, [x] == [x], x in {x})
# hash(nan): 0 before 3.10, the object's identity hash after
print(hash(n) == 0, hash(n) == hash(n), len({n, m, n}), len({float('nan') for _ in range(3)}))
print({n: 1, m: 2}[n], {n: 1, m: 2}.get(float('nan')))


class Box:
    def __init__(self):
        self.items = []


box = Box()
other = Box()
# bound methods compare by the object they bind (identity) and the function
print(box.__init__ == box.__init__, box.__init__ == other.__init__, box.__init__ is box.__init__)
print(box.items.append == box.items.append, box.items.append == other.items.append)

import gc
import sys

gc.collect()
# symmetric difference, in-place updates, disjoint/superset tests and set
# comparisons: result sizes, contents, identity of in-place operators
a = set(range(20))
b = set(range(10, 40))
f = frozenset(range(5, 15))
x = a.symmetric_difference(b)
print(sorted(x), sys.getsizeof(x))
y = a ^ b
print(sorted(y), sys.getsizeof(y), x == y)
z = f.symmetric_difference(range(100))
print(type(z).__name__, len(z), sys.getsizeof(z))
w = f ^ a
print(type(w).__name__, sorted(w), sys.getsizeof(w))
v = a ^ f
print(type(v).__name__, len(v), sys.getsizeof(v))
print(sys.getsizeof(a ^ a), len(a ^ a), sys.getsizeof(set() ^ b))
print(sys.getsizeof(a.symmetric_difference([1, 2, 3])), sys.getsizeof(a.symmetric_difference({100: 1})))

# symmetric_difference_update: toggles keys, dummies stay
s = set(range(40))
before = sys.getsizeof(s)
s.symmetric_difference_update(range(30, 80))
print(len(s), before, sys.getsizeof(s))
s.symmetric_difference_update({1: 0, 2: 0, 1000: 0})
print(len(s), sys.getsizeof(s), 1 in s, 1000 in s)
s.symmetric_difference_update(s)
print(len(s), sys.getsizeof(s))
s = set(range(8))
t = s
t ^= {1, 2, 100}
print(t is s, sorted(s), sys.getsizeof(s))

# difference_update: resizes when more than a quarter of the table are dummies
s = set(range(100))
print(sys.getsizeof(s))
s.difference_update(range(10))
print(len(s), sys.getsizeof(s))
s.difference_update(range(10, 80))
print(len(s), sys.getsizeof(s))
s.difference_update(set(range(80, 85)), [85, 86], (87,))
print(len(s), sys.getsizeof(s))
s.difference_update(set(range(1000)))
print(len(s), sys.getsizeof(s))
s = set(range(50))
t = s
t -= set(range(45))
print(t is s, sorted(s), sys.getsizeof(s))
s = set(range(50))
s.difference_update(s)
print(len(s), sys.getsizeof(s))

# intersection_update: the set takes the intersection's table
s = set(range(100))
s.intersection_update(range(5))
print(sorted(s), sys.getsizeof(s))
s = set(range(100))
s.intersection_update(set(range(50)), range(40, 200))
print(sorted(s), sys.getsizeof(s))
s = set(range(100))
t = s
t &= {1, 2, 3, 500}
print(t is s, sorted(s), sys.getsizeof(s))
s = set(range(100))
s.intersection_update()
print(len(s), sys.getsizeof(s))
s = set(range(10))
t = s
t |= set(range(100))
print(t is s, len(s), sys.getsizeof(s))

# isdisjoint and issuperset, with sets and other iterables
a = {1, 2, 3}
print(a.isdisjoint({4, 5}), a.isdisjoint([5, 3]), a.isdisjoint(iter([7, 8])), a.isdisjoint(a))
print(set().isdisjoint(set()), frozenset([1]).isdisjoint({1}), a.isdisjoint({}))
print(a.issuperset({1, 2}), a.issuperset([1, 4]), a.issuperset(range(1, 3)), a.issuperset(a))
print(frozenset([1, 2]).issuperset([]), a.issuperset({1: 0}))
it = iter([9, 2, 10, 11])
print(a.isdisjoint(it), list(it))

# comparisons
p = {1, 2}
q = frozenset({1, 2, 3})
print(p <= q, p < q, q >= p, q > p, p >= q, p > q, p < p, p <= p, q == {1, 2, 3})

# errors
def report(e):
    print(type(e).__name__, e)

try:
    a ^ [1]
except TypeError as e:
    report(e)
try:
    a ^= [1]
except TypeError as e:
    report(e)
try:
    a &= [1]
except TypeError as e:
    report(e)
try:
    a -= [1]
except TypeError as e:
    report(e)
try:
    a |= [1]
except TypeError as e:
    report(e)
try:
    q ^= (1,)
except TypeError as e:
    report(e)
try:
    a < [1]
except TypeError as e:
    report(e)
try:
    frozenset().symmetric_difference_update
except AttributeError as e:
    report(e)
try:
    frozenset().intersection_update
except AttributeError as e:
    report(e)
try:
    frozenset().difference_update
except AttributeError as e:
    report(e)
try:
    a.isdisjoint([[1]])
except TypeError as e:
    report(e)
try:
    a.symmetric_difference([[]])
except TypeError as e:
    report(e)
try:
    a.symmetric_difference_update([[]])
except TypeError as e:
    report(e)
try:
    a.difference_update([{}])
except TypeError as e:
    report(e)
try:
    a.issuperset(5)
except TypeError as e:
    report(e)
try:
    a.isdisjoint(5)
except TypeError as e:
    report(e)
print(sorted(a))

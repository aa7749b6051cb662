# collections.Counter: counting letters and words, lookups (a missing key
# counts 0 and is not stored), most_common with and without n, elements()
# (lazy: chain.from_iterable over starmap(repeat, items)), update and
# subtract from iterables, mappings and keywords, the operators + - | & and
# unary + -, in-place operators, del of a missing key, copy(), dict(),
# list(), views, total() (3.10+; an AttributeError before), equality
# (missing counts are zero from 3.10), reprs (by count, ties in insertion
# order; through str.format and % too), type, isinstance and fromkeys'
# NotImplementedError.
import sys
from collections import Counter

c = Counter("mississippi")
print(c)
print(c['s'], c['zzz'], len(c), 'zzz' in c)
print(c.most_common(2))
print(c.most_common())
print(c.most_common(1), c.most_common(0), c.most_common(-1), c.most_common(10))
print(sorted(c.elements()))
print(list(c.elements()))
c.update("ssx")
c.subtract({'i': 1})
print(c)
print(c + Counter(a=1), c - Counter(s=10), c & Counter(s=2), c | Counter(q=3))
print(isinstance(c, dict), isinstance(c, Counter), type(c).__name__)
print(Counter(), repr(Counter()), Counter(a=2, b=1), Counter({'a': 1}), Counter([]))

words = "the quick brown fox jumps over the lazy dog the fox".split()
w = Counter(words)
print(w.most_common(3))
print(w['the'], w['cat'], len(w))
print(list(w), list(w.keys()), list(w.values()), list(w.items()))
print(dict(w))
try:
    print(w.total())
except AttributeError as e:
    print("AttributeError", e)

x = Counter()
x['k'] += 1
x['k'] += 1
x['j'] -= 1
print(x, dict(x), list(x), x.keys(), x.values(), x.items())
del x['k']
del x['nope']
print(x, len(x))
print(+x, -x)

d = c.copy()
print(d, type(d).__name__, d is c, d == c)
print(Counter(a=1) == Counter(a=1, b=0), Counter() == {}, Counter(a=1) == {'a': 1},
      Counter(a=1) != Counter(a=2))

y = Counter(a=3, b=1)
y += Counter(a=1, c=2)
print(y)
y -= Counter(a=10)
print(y)
y |= Counter(b=5)
print(y)
y &= Counter(b=2, c=1)
print(y)

z = Counter(a=1)
z.update(Counter(a=2, b=1), c=5)
z.update(a=1)
z.subtract(['a', 'b', 'b'])
z.subtract(c=1)
print(z, z.most_common())
e = Counter(a=2, b=0, c=-1)
print(sorted(e.elements()), +e, -e)
it = Counter(a=10 ** 12).elements()
print(next(it), next(it), type(it).__name__)

try:
    Counter.fromkeys("abc")
except NotImplementedError as err:
    print("NotImplementedError", err)
try:
    Counter([[1]])
except TypeError as err:
    print("TypeError", err)
try:
    Counter(5)
except TypeError as err:
    print("TypeError", err)
nested = [Counter("aab"), {"k": Counter()}]
print(nested)
print("{} {!r:.9} {x!s}".format(c, c, x=Counter()), "%s" % Counter("z"))
print(sys.getsizeof(Counter()) > 0)

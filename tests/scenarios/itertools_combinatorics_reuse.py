# itertools' combinatoric iterators (product, combinations,
# combinations_with_replacement, permutations) and zip_longest: the result tuple
# updated in place while nobody else holds it (one id for a whole loop),
# copied when the previous result is still held; sizes with their index
# arrays, what they hold (gc.get_referents), the pools they copy, errors,
# and tracemalloc of a run.
# tolerance: 3%
import gc
import sys
import tracemalloc
from itertools import combinations, combinations_with_replacement, permutations, product
from itertools import zip_longest

gc.collect()

print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)), list(product()),
      list(product([], [1])))
print(list(combinations("abcd", 2)), list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 2)))
print(list(permutations("abc")), list(permutations([1, 2, 3], 2)), list(permutations("ab", 3)))
for o in [product("ab", "cd"), product(), product("a", repeat=5), combinations("abcd", 3),
          combinations("ab", 0), combinations_with_replacement("ab", 4), permutations("abcd"),
          permutations("abcd", 2), permutations("")]:
    print(type(o).__name__, sys.getsizeof(o), gc.is_tracked(o))

ids = []
for t in product(range(3), repeat=2):
    if id(t) not in ids:
        ids.append(id(t))
print("product loop ids", len(ids))
ids = []
for t in permutations(range(4)):
    if id(t) not in ids:
        ids.append(id(t))
print("permutations loop ids", len(ids))
kept = []
ids = []
for t in combinations(range(5), 2):
    kept.append(t)
    if id(t) not in ids:
        ids.append(id(t))
print("kept results", len(ids), kept[:4])
pairs = list(combinations_with_replacement("xy", 2))
print("list of results", pairs, len(set(map(id, pairs))))

p = permutations(range(3))
a = next(p)
b = next(p)
print("held first", a is b, a, b)
del a
c = next(p)
print("copied", c is b, b, c)
del b, c
x = next(p)
y = next(p)
print("copied again", x is y, x, y)
cw = combinations_with_replacement("xy", 3)
first = next(cw)
print(first, gc.get_referents(cw)[-1] is first)
print("referents", [type(o).__name__ for o in gc.get_referents(cw)])
items = [1, 2]
pr = product(items, items)
print("pools", gc.get_referents(pr)[-1], gc.get_referents(pr)[-1] is items)
t = (5, 6)
co = combinations(t, 1)
print("a tuple is its own pool", gc.get_referents(co)[-1] is t, sys.getrefcount(t))


def attempt(label, make):
    try:
        result = make()
        print(label, "->", type(result).__name__)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


attempt("product int", lambda: product(1))
attempt("product negative", lambda: product([1], repeat=-1))
attempt("product str repeat", lambda: product([1], repeat="a"))
attempt("product float repeat", lambda: product([1], repeat=2.0))
attempt("product two keywords", lambda: product([1], repeat=2, x=1))
attempt("combinations no r", lambda: combinations([1]))
attempt("combinations negative", lambda: combinations([1], -1))
attempt("combinations three", lambda: combinations([1], 1, 2))
attempt("cwr str r", lambda: combinations_with_replacement([1], "a"))
attempt("permutations none", lambda: permutations())
attempt("permutations float r", lambda: permutations([1], 2.0))
attempt("permutations negative", lambda: permutations([1], -1))
attempt("permutations of int", lambda: permutations(1))

tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
pr = product(range(10), range(10), range(10))
m1 = tracemalloc.get_traced_memory()[0] - base
count = 0
for t in pr:
    count += 1
m2 = tracemalloc.get_traced_memory()[0] - base
del pr
m3 = tracemalloc.get_traced_memory()[0] - base
pm = permutations(list(range(8)), 3)
m4 = tracemalloc.get_traced_memory()[0] - base
results = list(pm)
m5 = tracemalloc.get_traced_memory()[0] - base
del pm, results
m6 = tracemalloc.get_traced_memory()[0] - base
tracemalloc.stop()
print("traced", count, m1, m2, m3, m4, m5, m6)

# zip_longest: the fill value, its result tuple reused slot by slot, and
# an exhausted iterator let go while the others run.
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")),
      list(zip_longest()))
z = zip_longest([1, 2], "a")
print(type(z).__name__, sys.getsizeof(z), gc.is_tracked(z))
ids = []
for t in zip_longest(range(5), range(3)):
    if id(t) not in ids:
        ids.append(id(t))
print("zip_longest loop ids", len(ids))
a = [object()]
before = sys.getrefcount(a)
zl = zip_longest(iter(a), range(3))
print(next(zl)[1], sys.getrefcount(a) - before)
print(next(zl), sys.getrefcount(a) - before)
print(list(zl), sys.getrefcount(a) - before)
attempt("zip_longest keyword", lambda: zip_longest([1], x=1))
attempt("zip_longest of int", lambda: zip_longest(1))

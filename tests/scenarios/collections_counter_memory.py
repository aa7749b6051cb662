# collections.Counter's memory: sys.getsizeof empty (the dict's plus the
# class's __dict__ and __weakref__ slots, some in the pre-header from 3.11;
# 3.8 and 3.9 start with an 8-slot table) and as the table grows by
# counting, by item stores, from keywords and from a dict (dict.update's
# copy of an empty Counter's table); the sizes of most_common()'s lists
# (sorted, a one-item display, a slice, a comprehension), of results of
# the operators and of copy(); GC tracking through a full collection;
# reference counts of keys and counts held by Counters; a Counter in a
# cycle collected.
import gc
import sys
from collections import Counter

gc.collect()
print("empty", sys.getsizeof(Counter()), sys.getsizeof({}))
print("counted", [sys.getsizeof(Counter(range(n))) for n in range(0, 24, 3)])
grown = Counter()
sizes = []
for i in range(20):
    grown[i] = i
    sizes.append(sys.getsizeof(grown))
print("stored", sizes)
print("keywords", sys.getsizeof(Counter(a=1)), sys.getsizeof(Counter(a=1, b=2, c=3, d=4, e=5, f=6)),
      sys.getsizeof(Counter(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11)))
source = {i: i for i in range(12)}
print("from dict", sys.getsizeof(Counter(source)), sys.getsizeof(Counter(Counter(source))),
      sys.getsizeof(Counter(source).copy()), sys.getsizeof(dict(Counter(source))))
big = Counter(range(40))
print("most_common", sys.getsizeof(big.most_common()), sys.getsizeof(big.most_common(1)),
      sys.getsizeof(big.most_common(3)), sys.getsizeof(big.most_common(17)),
      sys.getsizeof(big.most_common(40)), sys.getsizeof(big.most_common(100)),
      sys.getsizeof(big.most_common(0)))
print("operators", sys.getsizeof(big + big), sys.getsizeof(big - big), sys.getsizeof(big | big),
      sys.getsizeof(big & Counter(range(3))), sys.getsizeof(-big), sys.getsizeof(+big))
print("elements", sys.getsizeof(big.elements()), sys.getsizeof(big.keys()))

c = Counter("abracadabra")
print("tracked", gc.is_tracked(c), gc.is_tracked(Counter()))
gc.collect()
print("tracked after collect", gc.is_tracked(c), gc.is_tracked(Counter()))

key = "".join(["k", "e", "y"])
count = 10 ** 20
r0 = sys.getrefcount(key), sys.getrefcount(count)
held = Counter({key: count})
r1 = sys.getrefcount(key), sys.getrefcount(count)
twice = held + held
r2 = sys.getrefcount(key), sys.getrefcount(count)
union = held | held
r3 = sys.getrefcount(key), sys.getrefcount(count)
del held, twice, union
r4 = sys.getrefcount(key), sys.getrefcount(count)
print("refcounts", r0, r1, r2, r3, r4)

cycle = Counter("xy")
cycle["self"] = [cycle]
del cycle
print("collected", gc.collect())

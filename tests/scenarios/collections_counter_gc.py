# collections.Counter and the cyclic GC: a Counter in a cycle through a
# list it holds is collected (the count gc.collect() returns), Counters
# stay tracked through full collections whatever they hold, a full
# collection makes the counts known again after Counter's Python code
# (gc.get_count() exact right after it), and gc.get_referrers finds the
# Counter holding a value.
import gc
from collections import Counter

gc.collect()
c = Counter("hello world")
c.update("more")
d = c + c
cycle = Counter("ab")
cycle["me"] = [cycle]
del cycle
print("collected", gc.collect())
print("counts", gc.get_count())
print("tracked", gc.is_tracked(d), gc.is_tracked(Counter()), gc.is_tracked(Counter(a=1)))
many = [Counter(str(i)) for i in range(50)]
for m in many:
    m["loop"] = [m, many]
del many, m
print("collected", gc.collect())
print("counts", gc.get_count())
value = [1, 2]
holder = Counter(a=1)
holder["v"] = value
print("referrers", [type(r).__name__ for r in gc.get_referrers(value)], gc.get_referrers(value)[0] is holder)
del holder
print("after del", [type(r).__name__ for r in gc.get_referrers(value)])

# s -= t and s.difference_update(t): from 3.9, when t has more than eight
# times s's items, CPython first intersects t with s (a temporary set), so
# the peak differs from 3.8's.
import gc
import tracemalloc

gc.collect()

big = set(range(17))
set().difference_update(set())  # the method's first call (3.9+ makes a block then)
for base in (set(), {1}, {1, 2, 3}, set(range(5))):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    base -= big
    after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print('-=', sorted(base), after[0] - before, after[1] - before)
    base = set(range(3))
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    base.difference_update(big)
    after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print('difference_update', sorted(base), after[0] - before, after[1] - before)
empty = set()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
empty -= set(range(17))
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print('empty -= set(range(17))', after[0] - before, after[1] - before)

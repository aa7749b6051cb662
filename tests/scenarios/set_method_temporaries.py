# What set.intersection and set.difference allocate on the way to their
# result: a non-set argument is iterated item by item (no temporary set), a
# set argument is walked through the smaller table, difference copies the
# set first when the argument is a quarter of its size or less.
import sys
import tracemalloc

s = set(range(31))
small = {0, 1}
big = set(range(20))
d = {0: 'a', 1: 'b'}
tracemalloc.start()

tracemalloc.clear_traces()
r = s.intersection([0, 1])
print('intersection list', tracemalloc.get_traced_memory(), sys.getsizeof(r), sorted(r))
del r
tracemalloc.clear_traces()
r = s.intersection(range(2))
print('intersection range', tracemalloc.get_traced_memory(), sys.getsizeof(r))
del r
tracemalloc.clear_traces()
r = s.intersection(small)
print('intersection set', tracemalloc.get_traced_memory(), sys.getsizeof(r))
del r
tracemalloc.clear_traces()
r = s.intersection([0, 1], [1, 2])
print('intersection two', tracemalloc.get_traced_memory(), sorted(r))
del r
tracemalloc.clear_traces()
r = s.difference([0, 1])
print('difference list', tracemalloc.get_traced_memory(), sys.getsizeof(r), len(r))
del r
tracemalloc.clear_traces()
r = s.difference(small)
print('difference small set', tracemalloc.get_traced_memory(), sys.getsizeof(r))
del r
tracemalloc.clear_traces()
r = s.difference(big)
print('difference big set', tracemalloc.get_traced_memory(), sys.getsizeof(r), sorted(r))
del r
tracemalloc.clear_traces()
r = s.difference(d)
print('difference dict', tracemalloc.get_traced_memory(), len(r))
del r
tracemalloc.clear_traces()
r = small.difference(d, [5])
print('difference small', tracemalloc.get_traced_memory(), r)
del r
f = frozenset(range(10))
tracemalloc.clear_traces()
r = f.intersection([1, 2, 3])
print('frozenset', type(r).__name__, tracemalloc.get_traced_memory(), sorted(r))
del r
tracemalloc.clear_traces()
t = set(range(40))
t.intersection_update([3, 4])
print('intersection_update', tracemalloc.get_traced_memory(), sys.getsizeof(t), t)
tracemalloc.stop()

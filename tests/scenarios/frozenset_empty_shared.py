# frozenset() of nothing, or of an empty iterable, is one shared empty
# frozenset on 3.8 (made by the first such call) and 3.9 (made at start-up);
# from 3.10 every call makes a new one. Other routes to an empty frozenset
# (set operations, copy) always make a new object.
import gc
import sys
import tracemalloc

gc.collect()

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
first = frozenset()
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print('first frozenset()', after[0] - before, after[1] - before)
print(frozenset() is frozenset(), frozenset([]) is frozenset(), frozenset(set()) is first)
print(frozenset(range(0)) is first, frozenset('') is first, frozenset({}) is first)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
again = frozenset([])
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print('frozenset([])', after[0] - before, after[1] - before)
emptied = frozenset({1}) - frozenset({1})
print(emptied is first, emptied == first, len(emptied), sys.getsizeof(emptied))
print(frozenset({1, 2}) & frozenset({3}) is first)
print(sys.getsizeof(first), gc.is_tracked(first), repr(first), hash(first) == hash(frozenset()))
x = frozenset([5])
print(frozenset(x) is x, len({frozenset(), frozenset([]), first}))

# The blocks the repr of a list, tuple or dict takes on its way, which
# tracemalloc's peak sees: Py_ReprEnter's list, the _PyUnicodeWriter's
# buffer (its min_length, then a quarter more than needed as it grows,
# the last write exact) and each item's repr (an int's decimal scratch, a
# float's digits buffer) alive while it is copied in.
import gc
import sys
import tracemalloc

shapes = [
    (1000, 2000),
    (5,),
    [1, 2, 3],
    list(range(1000, 1020)),
    [10 ** 12, 10 ** 30, -7],
    ("a", "bc", "it's"),
    [(1, 2), [3, [4, 5]]],
    [None, 0.1, 2.0, 1e300, -0.0, 123456789.5, 0.001],
    {1000: 2000, "key": [1, 2], "e": {}},
    [[], (), {}],
    list(range(300)),
    [b"ab", b"it's", b""],
]
cycle = [1, 2]
cycle.append(cycle)
shapes.append(cycle)
# A bool's str is the interpreter's from 3.11 (before, made on first use).
if sys.version_info >= (3, 11):
    shapes.append([True, False, None])
gc.collect()
for shape in shapes:
    tracemalloc.start()
    text = repr(shape)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(len(text), current, peak)
    del text

# The usual lesson: print the figures, then read them again.
tracemalloc.start()
data = [1000 + i for i in range(20)]
print(tracemalloc.get_traced_memory())
print(tracemalloc.get_traced_memory())
print("figures:", tracemalloc.get_traced_memory())
print(tracemalloc.get_traced_memory())
print(3.25, tracemalloc.get_traced_memory())

import gc
import sys
import tracemalloc


def first(a, b):
    return (a, b, a)


def second(a, b):
    return (a, b, b)


gc.collect()
# an object reused from a free list takes the traceback of its new
# allocation when its block is traced (tuples and floats here)
tracemalloc.start()
x = [first(i, i) for i in range(1000, 1100)]
del x
y = [second(-i, i) for i in range(1000, 1005)]
f = [1.5 * i for i in range(50)]
del f
g = [2.5 * i for i in range(3)]
snap = tracemalloc.take_snapshot() if sys.version_info >= (3, 11) else None
tb = tracemalloc.get_object_traceback(y[0])
tracemalloc.stop()
print(tb[0].lineno, len(tb))
if snap is not None:
    script = snap.filter_traces([tracemalloc.Filter(False, "*tracemalloc.py")])
    print(sorted((s.traceback[0].lineno, s.size, s.count) for s in script.statistics("lineno")))

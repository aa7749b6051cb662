# Freeing a generator function's generator paused at a yield inside for
# loops: CPython 3.13 closes it by clearing its frame, the locals first,
# then the loops' iterators from the outermost, then the function; the
# generator's block goes last. Nothing is allocated.
import gc
import sys
import tracemalloc

gc.disable()


def pairs(rows, marker):
    seen = [marker]
    for row in rows:
        for item in row:
            yield item, len(seen)


def inner(items):
    for item in items:
        yield item


def outer(items):
    for item in inner(items):
        yield item


gc.collect()


def paused_in_loops():
    rows = [[1, 2], [3]]
    marker = [0]
    g = pairs(rows, marker)
    print(next(g))
    before = (sys.getrefcount(rows), sys.getrefcount(rows[0]), sys.getrefcount(marker))
    tracemalloc.start()
    del g
    traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    after = (sys.getrefcount(rows), sys.getrefcount(rows[0]), sys.getrefcount(marker))
    print("traced", traced)
    print("released", [b - a for b, a in zip(before, after)])


paused_in_loops()
paused_in_loops()


def counted_free():
    g = pairs([[1]], None)
    next(g)
    before = gc.get_count()[0]
    del g
    print("gc delta", gc.get_count()[0] - before)


counted_free()
counted_free()

for value in pairs([range(3), range(2)], 1):
    print("got", value)
    break

items = [5, 6, 7]
for value in outer(items):
    print("outer got", value)
    break
print("items refs", sys.getrefcount(items))


def reuse():
    g = pairs([[1, 2]], 0)
    next(g)
    where = id(g)
    g = None
    fresh = outer([1])
    print("block reused", id(fresh) == where)


reuse()
print("done")

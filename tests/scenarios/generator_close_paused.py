# Freeing a generator function's generator paused at a yield outside any
# loop: CPython closes it (3.13: by clearing its frame, raising nothing).
# Its locals are released before its block is freed; nothing is allocated.
import gc
import sys
import tracemalloc

gc.disable()


def gen(item):
    local = [item]
    yield len(local)
    yield 2


def paused():
    item = [0]
    g = gen(item)
    print("first", next(g))
    before = sys.getrefcount(item)
    tracemalloc.start()
    del g
    traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("traced", traced)
    print("refs released", before - sys.getrefcount(item))


def counted_free(started):
    g = gen([0])
    if started:
        next(g)
    before = gc.get_count()[0]
    del g
    print("gc delta", gc.get_count()[0] - before)


gc.collect()

paused()
paused()

counted_free(True)
counted_free(True)


def block_reuse():
    g = gen(1)
    next(g)
    where = id(g)
    del g
    fresh = gen(2)
    print("block reused", id(fresh) == where)
    return fresh


kept = block_reuse()
print(next(kept))
print(next(kept))
kept = None

for value in gen(5):
    print("got", value)
    break


def counted():
    total = 0
    while total < 10:
        total += 1
        yield total


g = counted()
print(next(g), next(g))
g = None
print("done")

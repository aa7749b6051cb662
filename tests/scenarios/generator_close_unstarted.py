# Freeing a generator function's generator that never started: CPython
# closes it (3.12+: by clearing its frame, raising nothing). The arguments
# are released before the generator's block is freed; nothing is allocated.
import gc
import sys
import tracemalloc

gc.disable()


def gen(item, other):
    local = [item]
    yield len(local)


def never_started():
    item = [0]
    g = gen(item, item)
    before = sys.getrefcount(item)
    tracemalloc.start()
    del g
    traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("traced", traced)
    print("refs released", before - sys.getrefcount(item))


def counted_free(started):
    g = gen([0], None)
    if started:
        next(g)
    before = gc.get_count()[0]
    del g
    print("gc delta", gc.get_count()[0] - before)


gc.collect()

never_started()
never_started()

counted_free(False)
counted_free(False)


def block_reuse():
    g = gen(1, 2)
    where = id(g)
    del g
    fresh = gen(3, 4)
    print("block reused", id(fresh) == where)
    return fresh


kept = block_reuse()
print(next(kept))
print(gen([], []) is None)
items = [gen(i, i) for i in range(3)]
items = None
print("done")

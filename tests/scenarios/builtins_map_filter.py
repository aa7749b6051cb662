# map() and filter(): the iterator objects they make (size, GC tracking,
# what they keep alive and when), lazy calls, each version's call path
# (packed arguments before 3.10) in gen-0 counts, and their errors.
import gc
import sys
import tracemalloc


def double(x):
    return x * 2


def noisy(x):
    print("  called with", x)
    return x % 2


gc.collect()

items = [1, 2, 3, 4]
pairs = (10, 20, 30)
m = map(double, items)
m2 = map(pow, items, pairs)
f = filter(None, [0, 1, "", "a"])
print("sizes", sys.getsizeof(m), sys.getsizeof(m2), sys.getsizeof(f))
print("tracked", gc.is_tracked(m), gc.is_tracked(f))
print("types", type(m) is map, type(f) is filter, isinstance(m, map), isinstance(f, map))
print("own iterator", iter(m) is m, iter(f) is f)
print("referents", [type(r).__name__ for r in gc.get_referents(m2)],
      [type(r).__name__ for r in gc.get_referents(f)])
print("refs held", sys.getrefcount(double), sys.getrefcount(items))
print("first", next(m), "rest", list(m), "again", list(m))
print("exhausted keeps", sys.getrefcount(items))
del m
print("freed", sys.getrefcount(double), sys.getrefcount(items))
print("pow pairs", list(m2))
print("filter None", list(f))
print("filter bool", list(filter(bool, [0, 2, None, 3])))
lazy = filter(noisy, range(5))
print("made, nothing called yet")
print("first kept", next(lazy))
print("rest", list(lazy))
print("map str", list(map(str, [1, 22, 333])), "len", list(map(len, ["ab", "", "xyz"])))
print("sum of map", sum(map(int, ["4", "5", "6"])))
print("zip of both", list(zip(map(double, items), filter(None, pairs))))
print("nested", list(map(double, filter(lambda v: v > 1, items))))
print("dict", dict(map(lambda k: (k, k * k), range(3))))
built = list(map(double, range(10)))
print("list size", len(built), sys.getsizeof(built))
built = tuple(filter(None, range(10)))
print("tuple size", len(built), sys.getsizeof(built))


def counts():
    gc.collect()
    c0 = gc.get_count()[0]
    x = map(double, items)
    c1 = gc.get_count()[0]
    y = filter(double, items)
    c2 = gc.get_count()[0]
    return c1 - c0, c2 - c1


print("gen0 counts", counts(), counts())
tracemalloc.start()
held = map(double, items)
del held
s = tracemalloc.get_traced_memory()[0]
held = map(double, items)
after_map = tracemalloc.get_traced_memory()[0] - s
held2 = filter(double, items)
after_filter = tracemalloc.get_traced_memory()[0] - s
tracemalloc.stop()
print("traced map", after_map, "map+filter", after_filter)


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


show("map one", lambda: map(double))
show("map none", lambda: map())
show("filter one", lambda: filter(double))
show("filter three", lambda: filter(double, items, items))
show("map not iterable", lambda: map(double, 1))
show("filter not iterable", lambda: filter(double, 1))
show("map kw", lambda: map(double, items, strict=True))
show("filter kw", lambda: filter(double, items, x=1))
show("map not callable", lambda: list(map(5, items)))
show("filter not callable", lambda: list(filter(5, items)))
show("map None", lambda: list(map(None, items)))
show("next empty", lambda: next(map(double, [])))
show("next default", lambda: next(filter(None, [0]), "empty"))

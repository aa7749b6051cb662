# dict.fromkeys: a dict made as dict() makes one (3.8 and 3.9 give it an
# 8-slot table at once), then grown key by key; one value shared by every
# key; the bound builtin it is looked up as; errors per version.
import gc
import sys

gc.collect()

for n in [0, 1, 5, 6, 10, 11, 22, 50, 100]:
    keys = list(range(n))
    a = dict.fromkeys(keys)
    b = dict.fromkeys(tuple(keys), 0)
    c = dict.fromkeys(str(n) * n)
    d = dict.fromkeys(range(n))
    e = dict.fromkeys(k * 2 for k in keys)
    loop = {}
    for k in keys:
        loop[k] = None
    print(n, sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(c), sys.getsizeof(d),
          sys.getsizeof(e), sys.getsizeof(loop), len(a), len(c))
shared = [1]
before = sys.getrefcount(shared)
d = dict.fromkeys("abc", shared)
print("shared value", sys.getrefcount(shared) - before, d)
d["a"].append(2)
print("one object", d)
del d
print("released", sys.getrefcount(shared) - before)
words = ["to", "be", "or", "not", "to", "be"]
print("dedup", list(dict.fromkeys(words)))
print("bound", type(dict.fromkeys).__name__, callable(dict.fromkeys))
print("tracked", gc.is_tracked(dict.fromkeys([1, 2])), gc.is_tracked(dict.fromkeys([1], [])))


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


show("no args", lambda: dict.fromkeys())
show("three", lambda: dict.fromkeys([1], 2, 3))
show("keyword", lambda: dict.fromkeys([1], value=2))
show("not iterable", lambda: dict.fromkeys(5))
show("unhashable", lambda: dict.fromkeys([[1]]))

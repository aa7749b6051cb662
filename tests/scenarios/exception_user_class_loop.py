# Exception classes in loops: instances made and freed reuse one block,
# kept ones are sized with their dicts, args tuples are shared with no one,
# raising and catching many times frees each, a deleted exception class is
# collected with its MRO, bases and descriptor, and a self-referencing
# repr stops at the list.
import sys, gc


class E(Exception):
    def __init__(self, n):
        super().__init__("n", n)
        self.n = n


class K(KeyError):
    pass


class F(E):
    def __init__(self, *a, **k):
        super().__init__(*a)
        self.k = k


gc.collect()
ids = set()
for i in range(50):
    e = E(i)
    ids.add(id(e))
    del e
print(len(ids))
keep = []
for i in range(20):
    keep.append(E(i))
print(sum(sys.getsizeof(x) + sys.getsizeof(x.__dict__) for x in keep))
print([sys.getrefcount(x.args) for x in keep[:3]])
caught = 0
for i in range(30):
    try:
        raise E(i)
    except E as err:
        caught += err.n
print(caught)
f = F(1, x=3)
print(f.args, f.k, repr(f), vars(f))
r = K([])
r.args[0].append(r)
print(repr(r), str(r))
del r
print(gc.collect())


class Tmp(ValueError):
    pass


del Tmp
print(gc.collect())

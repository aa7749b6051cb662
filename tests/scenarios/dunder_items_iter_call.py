# __getitem__, __setitem__, __delitem__, __iter__/__next__ and __call__ of a
# program's classes: the references the slots hold (the copies `g[k] += x`
# reads through), slice objects, user iterators in loops, list(), tuple(),
# unpacking and `in` (with and without __len__ as the length hint: list
# sizes, 3.8/3.9 asking len() twice), the generation-0 count of a loop, and
# calling an instance with up to six arguments and with *args.
import sys
import gc
import tracemalloc
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("  get", type(key).__name__, sys.getrefcount(self), sys.getrefcount(key))
        if type(key) is slice:
            return (key.start, key.stop, key.step, sys.getsizeof(key))
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        print("  set", sys.getrefcount(self), sys.getrefcount(key), sys.getrefcount(value))
        self.cells[key] = value
    def __delitem__(self, key):
        print("  del", sys.getrefcount(self), sys.getrefcount(key))
        del self.cells[key]
class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 1000
class Sized:
    def __init__(self, n): self.n = n
    def __iter__(self): return Count(self.n)
    def __len__(self):
        print("  len called")
        return self.n
class Adder:
    def __call__(self, *args):
        print("  call", sys.getrefcount(self), len(args), sys.getrefcount(args) if args else "-")
        return sum(args)
gc.collect()
g = Grid()
k = "a key"
v = [1]
g[k] = v
print(g[k])
g[k] += [2]
print(g[k])
del g[k]
print(g[1:5], g[::2], g[:])
print(list(Count(3)), tuple(Count(2)), sum(Count(4)), [x for x in Count(2)])
for n in [0, 1, 5, 9, 17]:
    print(n, sys.getsizeof(list(Count(n))), sys.getsizeof(list(Sized(n))), sys.getsizeof(tuple(Sized(n))))
a, *rest = Count(5)
print(a, rest, sys.getsizeof(rest))
a, *rest = Sized(5)
print(a, rest, sys.getsizeof(rest))
print(2000 in Count(3), 7 in Count(3))
c0 = gc.get_count()[0]
for x in Count(10):
    pass
c1 = gc.get_count()[0]
print("gen0 after a loop of 10:", c1 - c0)
c0 = gc.get_count()[0]
items = list(Count(10))
c1 = gc.get_count()[0]
print("gen0 after list() of 10:", c1 - c0)
add = Adder()
print(add(1, 2), add(), add(1, 2, 3, 4, 5, 6), add(*[1, 2]))
tracemalloc.start()
t0 = tracemalloc.get_traced_memory()[0]
for x in Count(100):
    pass
t1 = tracemalloc.get_traced_memory()
print("traced after loop:", t1[0] - t0)
tracemalloc.stop()

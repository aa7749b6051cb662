# Lazy itertools pipelines: nothing runs until next()/for/list()/unpacking
# pulls (user __iter__ and __next__ print when they run), and what each
# object keeps alive, seen through weak references and reference counts:
# islice and chain let go of exhausted iterators, cycle keeps its saved
# copies, takewhile/dropwhile/filterfalse/starmap keep their function,
# repeat its element until freed.
import gc
import sys
import weakref
from itertools import accumulate, chain, compress, count, cycle, dropwhile
from itertools import filterfalse, islice, repeat, starmap, takewhile


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Node(" + self.name + ")"


class Loud:
    def __init__(self, label, n):
        self.label = label
        self.n = n
        self.i = 0

    def __iter__(self):
        print("  iter", self.label)
        return self

    def __next__(self):
        if self.i >= self.n:
            print("  end", self.label)
            raise StopIteration
        self.i += 1
        print("  next", self.label, self.i)
        return self.i


def small(x):
    return x < 3


gc.collect()

pipe = islice(chain(Loud("a", 2), Loud("b", 3)), 1, 4)
print("built")
print("first", next(pipe))
print("rest", list(pipe))
print("again", list(pipe))
first, second = takewhile(small, Loud("c", 5))
print("unpacked", first, second)
for v in compress(Loud("d", 4), [1, 0, 1]):
    print("for got", v)
print("dropwhile", list(dropwhile(small, Loud("e", 4))))
print("starmap", list(starmap(pow, [(2, 5), [3, 2]])))
print("accumulate", list(accumulate(Loud("f", 3))), list(accumulate([3, 1, 4, 1], max)),
      list(accumulate([1, 2], initial=10)), list(accumulate([], initial=7)))

items = [Node("x"), Node("y")]
watch = weakref.ref(items[0])
s = islice(iter(items), 1)
print("refcount list", sys.getrefcount(items))
print(list(s), sys.getrefcount(items))
del items
print("after del list", watch() is not None)
del s
print("after del islice", watch() is None)

a = [Node("p")]
b = [Node("q")]
ra, rb = weakref.ref(a[0]), weakref.ref(b[0])
c = chain(a, b)
print("chain holds", sys.getrefcount(a), sys.getrefcount(b))
print(next(c), sys.getrefcount(a), sys.getrefcount(b))
print(next(c), sys.getrefcount(a), sys.getrefcount(b))
print(list(c), sys.getrefcount(a), sys.getrefcount(b))
del a, b
print("chain exhausted keeps nothing", ra() is None, rb() is None)
del c

n = Node("r")
rn = weakref.ref(n)
cy = cycle([n, Node("s")])
del n
print([next(cy) for _ in range(5)], rn() is not None)
print("cycle referents", [type(o).__name__ for o in gc.get_referents(cy)])
del cy
print("cycle freed", rn() is None)

n = Node("t")
rep = repeat(n, 2)
print("repeat refs", sys.getrefcount(n), list(rep), sys.getrefcount(n))
del rep
print("repeat freed", sys.getrefcount(n))


def pred(x):
    return x


print("function refs", sys.getrefcount(pred))
held = [takewhile(pred, [1, 0, 1]), dropwhile(pred, [1, 0]), filterfalse(pred, [0, 1]),
        starmap(pred, [])]
print("held by four", sys.getrefcount(pred))
print([list(h) for h in held], sys.getrefcount(pred))
del held
print("released", sys.getrefcount(pred))

k = count(2**64)
before = next(k)
print("count slow", before, k, [type(o).__name__ for o in gc.get_referents(k)])
print("repr holds", sys.getrefcount(before))
k2 = count(5, 3)
print([next(k2) for _ in range(3)], k2)
g = (Node(str(i)) for i in range(3))
f = filterfalse(None, g)
print("filterfalse", list(f), [type(o).__name__ for o in gc.get_referents(f)])

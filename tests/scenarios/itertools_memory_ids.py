# itertools and memory: what building and running itertools objects
# allocates under tracemalloc (chain keeps its packed argument tuple and a
# tuple iterator, cycle's saved list grows as it first passes, a slow
# count makes a new int per step and hands over the old one), gc counts of
# the objects made, and id reuse: a freed itertools object's block serves
# the next object of its size, slow count returns the int it held.
# tolerance: 3%
import gc
import sys
import tracemalloc
from itertools import accumulate, chain, count, cycle, islice, repeat, starmap, takewhile


class Node:
    pass


gc.collect()

nodes = [Node() for _ in range(200)]
a = [1, 2]
b = [3]
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
c1 = chain(a, b)
m1 = tracemalloc.get_traced_memory()[0] - base
c2 = chain(a, b, a, b, a)
m2 = tracemalloc.get_traced_memory()[0] - base
cy = cycle(nodes)
m3 = tracemalloc.get_traced_memory()[0] - base
for _ in range(150):
    next(cy)
m4 = tracemalloc.get_traced_memory()[0] - base
for _ in range(300):
    next(cy)
m5 = tracemalloc.get_traced_memory()[0] - base
del cy
m6 = tracemalloc.get_traced_memory()[0] - base
big = count(10**30)
m7 = tracemalloc.get_traced_memory()[0] - base
values = [next(big) for _ in range(50)]
m8 = tracemalloc.get_traced_memory()[0] - base
del values
m9 = tracemalloc.get_traced_memory()[0] - base
acc = list(accumulate(range(1000, 1100)))
m10 = tracemalloc.get_traced_memory()[0] - base
sl = list(islice(repeat(nodes[0]), 500))
m11 = tracemalloc.get_traced_memory()[0] - base
del c1, c2, big, acc, sl
m12 = tracemalloc.get_traced_memory()[0] - base
tracemalloc.stop()
print("traced", m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)

gc.collect()
before = gc.get_count()[0]
objs = [count(), islice(a, 1), chain(a), takewhile(bool, a)]
print("gc objects made", gc.get_count()[0] - before)
del objs

gc.collect()
x = islice(a, 1)
first = id(x)
del x
y = takewhile(bool, b)
print("islice block reused by takewhile", id(y) == first, sys.getsizeof(y))
z = starmap(pow, [])
w = chain(a)
print("chain and starmap share a size", sys.getsizeof(z) == sys.getsizeof(w))
k = count(2**70)
held = gc.get_referents(k)[-2]
handed = next(k)
print("count hands over its int", handed is held, handed)
again = gc.get_referents(k)[-2]
print("and holds a new one", again is not handed, again)
ac = accumulate([10**20, 1, 2])
t1 = next(ac)
t2 = next(ac)
print("accumulate total is the result", gc.get_referents(ac)[-2] is t2, t1, t2)

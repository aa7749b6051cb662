import gc
import sys

gc.collect()
# tuples: immutable, so copies are often the very same object
t = tuple([1, 2, 3])
print(tuple(t) is t, t[:] is t, t[0:3] is t, sys.getsizeof(t))
e1 = tuple()
e2 = tuple([])
e3 = t[3:]
print(e1 is e2, e1 is e3, sys.getsizeof(e1), len(e3))
u = t + (4,)
print(u, u is t, sys.getsizeof(u))
nested = (t, [t])
print(sys.getrefcount(t), gc.is_tracked(nested), len(gc.get_referents(nested)))
print(sys.getsizeof((t, t)), sys.getsizeof(t * 2), sys.getsizeof((t,) * 4))
a, b, c = t
print(a, b, c, sys.getsizeof(tuple(range(20))), sys.getsizeof(tuple(range(21))))
pairs = [(i, i * i) for i in range(4)]
print(pairs, sys.getsizeof(pairs[0]))
try:
    t[0] = 9
except TypeError:
    print("tuples do not support item assignment")
print(min(t), max(t), sum(t), len(t), 2 in t)

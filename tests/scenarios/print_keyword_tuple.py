# print() keeps its argument parser's tuple of keyword names from its first use:
# 3.8-3.10 on the first call with keywords, 3.11 on the first call, never from
# 3.12 (a static tuple). After a full collection emptied the free lists that
# tuple is a new GC object, which gc.get_count() shows.
import gc
gc.collect()
a = gc.get_count()
print("x")
b = gc.get_count()
print("y")
c = gc.get_count()
gc.collect()
d = gc.get_count()
print("x", "y")
e = gc.get_count()
gc.collect()
print("x", end="")
print()
f = gc.get_count()
print(a, b, c, d, e, f)
gc.collect()
print(gc.get_count())
objs = []
print(gc.get_count())
print("a", "b", sep="-")
print(gc.get_count())

# collections.namedtuple instances in the GC and by reference count: each
# instance holds its class (sys.getrefcount of the class counts them, and
# gc.get_referents shows it first), _fields is shared by the class dict
# and its functions, instances stay tracked whatever they hold (only exact
# tuples are untracked), cycles through an instance are collected, and the
# observations whose memory namedtuple's Python code changes are refused
# elsewhere (id(), tracemalloc).
import gc
import sys
from collections import namedtuple

Point = namedtuple('Point', 'x y')
Defaults = namedtuple('Defaults', 'a b', defaults=[7])

gc.collect()

print("class refs", sys.getrefcount(Point))
p = Point(1, 2)
q = Point(3, 4)
print("class refs 2", sys.getrefcount(Point), sys.getrefcount(p))
del q
print("class refs 1", sys.getrefcount(Point))
points = [Point(i, -i) for i in range(10)]
print("class refs 11", sys.getrefcount(Point))
del points
print("class refs back", sys.getrefcount(Point))
print("fields refs", sys.getrefcount(Point._fields), sys.getrefcount(Point._field_defaults))
item = [1]
r = Point(item, item)
print("item refs", sys.getrefcount(item))
r2 = r._replace(y=None)
print("item refs replace", sys.getrefcount(item))
del r, r2
print("item refs back", sys.getrefcount(item))
print("referents", gc.get_referents(p)[0] is Point, gc.get_referents(p)[1:])
print("tracked", gc.is_tracked(p), gc.is_tracked((1, 2)), gc.is_tracked(Point('a', None)))
gc.collect()
print("tracked after", gc.is_tracked(p), gc.is_tracked(Point(1, 2)), gc.is_tracked(Defaults(1)))
t = (1, 2)
gc.collect()
print("exact tuple", gc.is_tracked(t))
box = []
c = Point(box, 0)
box.append(c)
del box, c
print("cycle", gc.collect())
d = Defaults(1)
print("defaults", d, sys.getrefcount(Defaults), Defaults._field_defaults)
gc.collect()
print("count", gc.get_count())

# gc.set_debug(gc.DEBUG_SAVEALL): what a collection finds unreachable is
# appended to gc.garbage instead of freed, and stays alive there; the
# DEBUG_* constants, get_debug(), set_debug()'s argument errors.
import gc
import sys

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

def make_cycles(n):
    for i in range(n):
        a = Node("a%d" % i)
        b = Node("b%d" % i)
        a.other = b
        b.other = a

gc.collect()

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug(), gc.garbage, len(gc.garbage), type(gc.garbage).__name__, gc.is_tracked(gc.garbage))

gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug(), gc.get_debug() & gc.DEBUG_SAVEALL)
l = []
l.append(l)
d = {}
d["self"] = d
del l, d
print(gc.collect(), len(gc.garbage))
print(sorted(type(o).__name__ for o in gc.garbage))
print(sys.getsizeof(gc.garbage))
print(gc.collect(), len(gc.garbage))

make_cycles(3)
found = gc.collect()
print(found, len(gc.garbage), sys.getsizeof(gc.garbage))
names = sorted(o.name for o in gc.garbage if isinstance(o, Node))
print(names)
nodes = [o for o in gc.garbage if isinstance(o, Node)]
print(len(nodes), all(n.other.other is n for n in nodes))
del nodes

gc.set_debug(0)
print(gc.get_debug(), gc.collect(), len(gc.garbage))
del gc.garbage[:]
print(len(gc.garbage), gc.collect(), gc.collect())

gc.set_debug(False)
print(gc.get_debug())
for bad in ("x", 1.5, 2 ** 31, None):
    try:
        gc.set_debug(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    gc.set_debug()
except TypeError as e:
    print(e)
try:
    gc.get_debug(1)
except TypeError as e:
    print(e)
print(gc.get_debug())

import sys
import gc
import functools
import weakref


class Node:
    def __init__(self, n):
        self.n = n
        self.other = None

    def __del__(self):
        print("free node", self.n)


@functools.lru_cache(maxsize=4)
def node(n):
    return Node(n)


gc.collect()

a = node(1)
a.other = node
print(gc.is_tracked(node), sys.getrefcount(node))
del a
print(gc.collect())
if sys.version_info >= (3, 9):
    ref = weakref.ref(node)
else:
    try:
        weakref.ref(node)
    except TypeError as e:
        print("TypeError", e)
    ref = weakref.ref(node.__wrapped__)
    print(True)
print(len(gc.get_referrers(node(1))))
node(2)
node(3)
print(node.cache_info())
info = node.cache_info()
pair = (info, 1)
gc.collect()
print(gc.is_tracked(info), gc.is_tracked(pair))
b = node(2)
b.other = b
del b
del node
print("wrapper dropped", ref() is None)
print(gc.collect())
print("end")

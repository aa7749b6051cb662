import gc
import sys
import weakref


class R:
    pass


gc.collect()
r = R()
f = weakref.finalize(r, print, "x")
c = weakref.WeakValueDictionary()
k = (1, 2.5)
c[k] = r
s = weakref.WeakSet()
s.add(r)
wk = weakref.WeakKeyDictionary()
wk[r] = k
print(gc.is_tracked(f), gc.is_tracked(c), gc.is_tracked(s), gc.is_tracked(wk))
print(sys.getrefcount(f), sys.getrefcount(c), sys.getrefcount(k), sys.getrefcount(r))
print(weakref.getweakrefcount(r))
keys = c.keys()
print(type(keys).__name__, type(iter(c)).__name__, type(wk.items()).__name__)
print(list(keys), list(keys), sys.getrefcount(k))
print(sys.getsizeof(list(c.values())), sys.getsizeof(list(s)))
del r
print(sys.getrefcount(k), len(c), len(s), len(wk), f.alive)
g = weakref.finalize(R(), print, "y")
print(sys.getrefcount(g))
print(weakref.WeakSet, weakref.finalize, weakref.WeakKeyDictionary, weakref.WeakValueDictionary)
print(callable(f), callable(c), isinstance(s, weakref.WeakSet), isinstance(c, weakref.WeakSet))

try:
    hash(c)
except TypeError as e:
    print("TypeError", e)
try:
    {s: 1}
except TypeError as e:
    print("TypeError", e)
try:
    len(f)
except TypeError as e:
    print("TypeError", e)
try:
    c.nosuch
except AttributeError as e:
    print("AttributeError", e)
print(bool(c), bool(s), bool(wk), bool(f))

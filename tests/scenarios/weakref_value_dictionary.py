import weakref, gc, sys
gc.collect()
class Image:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Image(%r)" % self.name
cache = weakref.WeakValueDictionary()
print(len(cache), bool(cache), "a" in cache)
a = Image("a.png")
b = Image("b.png")
cache["a"] = a
cache["b"] = b
print(len(cache), bool(cache), sorted(cache.keys()), list(cache.values()), list(cache.items()))
print(weakref.getweakrefcount(a), cache.get("a"), cache.get("zz", "default"))
for key in cache:
    print("key", key, cache[key].name)
cache["a"] = b
print(len(cache), weakref.getweakrefcount(a), weakref.getweakrefcount(b))
cache["a"] = a
del a
print(len(cache), list(cache.keys()))
print(cache.setdefault("c", b), cache.pop("c"), cache.pop("c", "gone"))
try:
    cache["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    cache["n"] = 42
except TypeError as e:
    print("TypeError", e)
try:
    del cache["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    cache.pop("nope")
except KeyError as e:
    print("KeyError", e)
print(isinstance(cache, weakref.WeakValueDictionary), type(cache).__name__)
del cache["b"]
print(len(cache), weakref.getweakrefcount(b))
# A cycle as value: freed only by the collector.
class Node:
    pass
n = Node()
n.self = n
cache["node"] = n
del n
print(len(cache), "node" in cache)
print(gc.collect())
print(len(cache), "node" in cache)
print(sys.getsizeof(cache))

import gc

gc.collect()
# which objects the collector tracks, and how tuples and dicts get untracked
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(1.5), gc.is_tracked(b"b"))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(set()), gc.is_tracked(frozenset()))
n = int("3")
t = (n, n + 1)
print(gc.is_tracked(t))
gc.collect(0)
print(gc.is_tracked(t))
u = (n, [n])
gc.collect()
print(gc.is_tracked(u))
v = (n, (n, n + 2))
inner = v[1]
print(gc.is_tracked(v), gc.is_tracked(inner))
gc.collect(0)
print(gc.is_tracked(v), gc.is_tracked(inner))
d = {"a": 1}
print(gc.is_tracked(d))
d["b"] = [1]
print(gc.is_tracked(d))
del d["b"]
gc.collect(0)
print(gc.is_tracked(d))
gc.collect(1)
print(gc.is_tracked(d))
gc.collect(2)
print(gc.is_tracked(d))
e = {"t": (1, 2)}
print(gc.is_tracked(e))
f = {"l": []}
f.clear()
print(gc.is_tracked(f))
g = dict([("a", [])])
print(gc.is_tracked(g), gc.is_tracked(dict([("a", 1)])), gc.is_tracked({1: (n,)}))

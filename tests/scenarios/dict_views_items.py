import gc
import sys

gc.collect()
# views and the tuples items() yields
d = {"a": [1], "b": [2], "c": [3]}
ks = d.keys()
vs = d.values()
its = d.items()
print(len(ks), len(vs), len(its), "a" in ks, ("a", [1]) in its)
d["d"] = [4]
print(len(ks), list(ks))
pairs = list(its)
print(pairs[0], sys.getsizeof(pairs), sys.getsizeof(pairs[0]))
print(sys.getrefcount(d["a"]))
del pairs
print(sys.getrefcount(d["a"]))
ids = []
for item in d.items():
    ids.append(id(item))
    item = None
print(len(set(ids)))
held = []
for item in d.items():
    held.append(item)
print(len(set(id(h) for h in held)))
total = 0
for k, v in d.items():
    total += v[0]
print(total, sorted(d), sum(len(v) for v in d.values()))
print(list(zip(d.keys(), [v[0] for v in d.values()])))

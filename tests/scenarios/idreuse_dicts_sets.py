import gc

gc.collect()
# dicts reuse freed dict objects; sets have no free list but pymalloc reuses the block
d = {"a": 1}
did = id(d)
del d
e = {"b": 2, "c": 3}
print(id(e) == did)
s = {1, 2}
sid = id(s)
del s
t = {3}
print(id(t) == sid)
ids = set()
for i in range(100):
    tmp = {"i": i}
    ids.add(id(tmp))
print(len(ids))
ids = set()
for i in range(100):
    tmp = {i}
    ids.add(id(tmp))
print(len(ids))
many = [{i: i} for i in range(20)]
old = set(id(m) for m in many)
many = None
fresh = [{} for i in range(20)]
print(len(old & set(id(f) for f in fresh)))
bigset = set(range(100))
bid = id(bigset)
bigset = None
small = set()
print(id(small) == bid)

import gc

gc.collect()
# zip and enumerate build a tuple per step; unpacking lets the next step reuse it
a = [1, 2, 3, 4, 5, 6]
b = ["x", "y", "z", "u", "v", "w"]
held = [p for p in zip(a, b)]
print(len(set(id(p) for p in held)), held[0])
ids = []
for p in zip(a, b):
    ids.append(id(p))
print(len(set(ids)))
ids = []
for i, v in enumerate(b):
    ids.append(id(v))
print(len(set(ids)), i, v)
pairs = list(enumerate(a))
print(pairs[-1], len(pairs))
total = 0
for x, y in zip(a, a[1:]):
    total += x * y
print(total, list(zip(a, b[:2])))
print(sorted(zip(b, a))[0], dict(zip(b, a))["z"])

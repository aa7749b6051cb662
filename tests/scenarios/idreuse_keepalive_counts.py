import gc

gc.collect()
# freed objects, then new ones kept alive: how many of the old addresses come back
old = set()
tmp = []
for i in range(600):
    f = i + 0.5
    old.add(id(f))
    tmp.append(f)
del tmp, f
again = []
hits = 0
for i in range(600):
    f = i + 0.25
    again.append(f)
    if id(f) in old:
        hits += 1
print("floats", hits)
old = set()
tmp = []
for i in range(100):
    l = [i]
    old.add(id(l))
    tmp.append(l)
del tmp, l
again2 = []
hits = 0
for i in range(100):
    l = [i, i]
    again2.append(l)
    if id(l) in old:
        hits += 1
print("lists", hits)
old = set()
tmp = []
for i in range(300):
    t = (i, i, i)
    old.add(id(t))
    tmp.append(t)
del tmp, t
again3 = []
hits = 0
for i in range(300):
    t = (i, -i, 0)
    again3.append(t)
    if id(t) in old:
        hits += 1
print("tuples", hits)

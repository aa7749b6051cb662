import gc


def order(old, new):
    out = []
    for o in new:
        if id(o) in old:
            out.append(old.index(id(o)))
        else:
            out.append(-1)
    return out


gc.collect()
# freed objects come back last-freed-first; a list frees its items from the end
keep = [[i] for i in range(6)]
old = [id(o) for o in keep]
del keep
new = [[i] for i in range(6)]
print(order(old, new))
a = [1]
b = [2]
c = [3]
ids = [id(a), id(b), id(c)]
del a
del c
del b
x = [4]
y = [5]
z = [6]
print(order(ids, [x, y, z]))
fl = [i * 0.5 for i in range(5)]
old = [id(o) for o in fl]
fl.reverse()
del fl
new = [i * 0.25 for i in range(5)]
print(order(old, new))

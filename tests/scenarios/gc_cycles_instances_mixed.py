import gc


class Person:
    def __init__(self, name):
        self.name = name
        self.friends = []


class Leaf:
    def __init__(self):
        self.parent = None


gc.collect()
# instance cycles holding other containers; counts include instance dicts in older versions
a = Person("a")
b = Person("b")
a.friends.append(b)
b.friends.append(a)
del a, b
print(gc.collect())
root = Person("root")
for i in range(3):
    leaf = Leaf()
    leaf.parent = root
    root.friends.append(leaf)
del root, leaf
print(gc.collect())
p = Person("solo")
p.friends.append(p)
p.extra = {"me": p}
del p
print(gc.collect())
q = Person("dict")
d = {"q": q}
q.back = d
del q, d
print(gc.collect())
r = Person("tuple")
r.t = (r, 1, 2)
del r
print(gc.collect())
s = Leaf()
s.parent = [s, [s], (s,)]
del s
print(gc.collect())

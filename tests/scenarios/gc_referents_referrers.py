import gc


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


gc.collect()
# what the collector sees as references from and to objects
target = [0]
l = [target, target, 1, "s"]
t = (target, 2)
d = {"k": target, "j": 3}
s = {1, 2, 3}
print(len(gc.get_referents(l)), len(gc.get_referents(t)), len(gc.get_referents(d)))
print(len(gc.get_referents(s)), len(gc.get_referents(1)), len(gc.get_referents("abc")))
print(len(gc.get_referents(l, t, d)))
holders = gc.get_referrers(target)
print(len(holders))
p = Pair(target, target)
print(len(gc.get_referrers(target)))
del p
print(len(gc.get_referrers(target)))
solo = [1, 2]
box = [solo]
print(len(gc.get_referrers(solo)))
del box
print(len(gc.get_referrers(solo)))

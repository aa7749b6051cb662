import gc


class Item:
    def __init__(self, v):
        self.v = v
        self.peer = None


gc.collect()
# a cycle still reachable from a live object is not garbage
a = Item(1)
b = Item(2)
a.peer = b
b.peer = a
registry = [a]
del a, b
print(gc.collect(), len(registry), registry[0].peer.v)
registry.pop()
print(gc.collect())
ring = [[] for i in range(5)]
for i in range(5):
    ring[i].append(ring[(i + 1) % 5])
entry = ring[2]
del ring
print(gc.collect(), len(entry))
entry = None
print(gc.collect())
d = {}
d["self"] = d
owner = {"d": d}
del d
print(gc.collect(), len(owner))
owner.clear()
print(gc.collect())
lst = []
lst.append(lst)
alias = lst
del lst
print(gc.collect())
del alias
print(gc.collect())

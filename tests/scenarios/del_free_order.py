# What a dying container releases after its items (a cleared list's item
# array, a dict's keys, the list or dict object itself, a frame's other
# locals) is released only after the items' finalizers returned: a
# finalizer that allocates cannot take those blocks, and tracemalloc
# still counts them while it runs.
import gc
import tracemalloc


class Probe:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        made.append(id([0] * 3))
        made.append(id({}))
        made.append(id((self.n, 1)))
        made.append(tracemalloc.get_traced_memory()[0])


made = []
gc.collect()
tracemalloc.start()
items = [Probe(1), Probe(2), Probe(3), Probe(4)]
items.clear()
print("clear:", len(made), len(set(made[0::4])), made[3] - made[7], made[7] - made[11])


def leave():
    a = Probe(5)
    b = [1, 2, 3]
    c = {"k": Probe(6)}
    return 7


made.clear()
leave()
print("function exit:", len(made), made[3] - made[7])
d = {"x": Probe(7), "y": (Probe(8), Probe(9))}
made.clear()
d = None
print("dict freed:", len(made), made[3] - made[7], made[7] - made[11])
holder = [Probe(10)]
holder_id = id(holder)
holder = None
print("list object reused inside:", made[-4] == holder_id)
y = [0] * 3
z = {}
print("reused after:", id(y) in made, id(z) in made)
tracemalloc.stop()

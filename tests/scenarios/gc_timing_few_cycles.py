# Cyclic garbage made before the first gc.collect(): so few GC allocations
# since start-up that CPython cannot have run an automatic collection yet
# (heapsim bounds its start-up count), so gc.collect() finds all of it and
# runs the finalizers in list order. No gc.collect() at the start: the
# window before the first full collection is what this scenario is about.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)


a = Node("a")
b = Node("b")
a.other = b
b.other = a
c = Node("c")
c.other = c
del a, b, c
print("before collect")
print(gc.collect())
print("after collect")
pair = [[], []]
pair[0].append(pair[1])
pair[1].append(pair[0])
del pair
print(gc.collect())

# Finalizers that free other finalizable objects run depth first, as the
# deallocations nest: a parent's __del__, then the children it held (its
# __dict__ freed), then the next parent. A finalizer may allocate, delete
# globals and make new finalizable objects that die at once.
import gc


class Node:
    def __init__(self, name, children=()):
        self.name = name
        self.children = list(children)

    def __del__(self):
        print("finalize", self.name, len(self.children))


class Maker:
    def __init__(self, depth):
        self.depth = depth

    def __del__(self):
        print("maker", self.depth)
        if self.depth > 0:
            temp = Maker(self.depth - 1)
            print("made", temp.depth)


class Dropper:
    def __del__(self):
        global victim
        print("dropper deletes victim")
        del victim
        print("dropper done")


gc.collect()
tree = Node("root", [Node("left", [Node("left.leaf")]), Node("right")])
print("drop tree")
tree = None
print("list of parents")
parents = [Node("p0", [Node("c0")]), Node("p1", [Node("c1")])]
parents.clear()
print("chain")
chain = None
for i in range(5):
    chain = Node("link" + str(i), [chain] if chain is not None else [])
chain = None
print("maker")
m = Maker(3)
del m
print("dropper")
victim = Node("victim")
dropper = Dropper()
del dropper
try:
    print(victim.name)
except NameError as error:
    print("NameError:", error)
print("end")

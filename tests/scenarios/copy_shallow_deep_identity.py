import copy
import gc
import sys
import weakref
from copy import deepcopy


class Node:
    def __init__(self, value):
        self.value = value
        self.kids = []

    def __copy__(self):
        twin = Node(self.value)
        twin.kids = self.kids
        return twin

    def __deepcopy__(self, memo):
        twin = Node(self.value)
        memo[id(self)] = twin
        twin.kids = copy.deepcopy(self.kids, memo)
        return twin


gc.collect()
# Shallow copies share the items; deep copies share only what is immutable.
nested = [[1, 2], [3, 4], "text", 5]
shallow = copy.copy(nested)
print("shallow:", shallow == nested, shallow is nested, shallow[0] is nested[0],
      sys.getsizeof(shallow), sys.getrefcount(nested[0]))
deep = copy.deepcopy(nested)
print("deep:", deep == nested, deep[0] is nested[0], deep[2] is nested[2],
      sys.getsizeof(deep), sys.getsizeof(deep[0]), sys.getrefcount(deep[0]))
# Shared references and cycles survive a deep copy (the memo).
x = [1, 2]
shared = [x, x, (x,)]
twin = copy.deepcopy(shared)
print("shared:", twin[0] is twin[1], twin[2][0] is twin[0], twin[0] is x,
      sys.getrefcount(twin[0]))
cycle = [1]
cycle.append(cycle)
cycle_copy = copy.deepcopy(cycle)
print("cycle:", cycle_copy[1] is cycle_copy, cycle_copy is cycle, gc.is_tracked(cycle_copy))
# Tuples come back as they are unless an item had to be copied.
t = (1, 2, 3)
pair = copy.deepcopy([t, t])
print("tuples:", pair[0] is t, pair[1] is t, sys.getrefcount(t))
mixed = (1, [2])
mixed_copy = copy.deepcopy(mixed)
print("tuple with a list:", mixed_copy is mixed, mixed_copy == mixed, mixed_copy[1] is mixed[1])
# __copy__ and __deepcopy__ are called.
root = Node(1)
root.kids.append(Node(2))
root.kids.append(root)
b = copy.copy(root)
print("__copy__:", b is root, b.kids is root.kids, sys.getrefcount(root.kids))
c = copy.deepcopy(root)
print("__deepcopy__:", c is root, c.kids is root.kids, c.kids[1] is c, c.kids[0].value,
      sys.getrefcount(c))
# Immutable objects are their own copies; dict, set and bytearray copies are new.
print("as is:", copy.copy(len) is len, copy.deepcopy(Node) is Node, copy.copy(None),
      copy.deepcopy(3.5), copy.copy(frozenset([1])) == frozenset([1]))
ref = weakref.ref(root)
print("weakref:", copy.copy(ref) is ref, copy.deepcopy([ref])[0] is ref)
s = {1, 2}
print("set:", copy.copy(s) == s, copy.copy(s) is s, sys.getsizeof(copy.copy(s)))
ba = bytearray(b"abc")
print("bytearray:", copy.copy(ba), sys.getsizeof(copy.copy(ba)))
d0 = {"a": [1], "b": {"c": 2}}
d1 = copy.copy(d0)
print("dict copy:", d1 is d0, d1["a"] is d0["a"], sys.getsizeof(d1) == sys.getsizeof(d0))
d2 = deepcopy(d0)
print("dict deepcopy:", d2["b"] is d0["b"], d2 == d0, sys.getsizeof(d2), sys.getsizeof(d2["b"]))
# Generators cannot be copied.
try:
    copy.copy(i * 2 for i in range(3))
except TypeError as e:
    print("copy:", e)
try:
    copy.deepcopy([1, (i for i in range(3))])
except TypeError as e:
    print("deepcopy:", e)

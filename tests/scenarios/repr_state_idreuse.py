import gc

gc.collect()
# The first repr that enters a container makes a dict and a list that stay:
# they take the blocks most recently freed (here from the free lists), so a
# dict or list made right after it does not land where the freed one was.
d = {"a": 1}
l = [1, 2]
freed_dict = id(d)
freed_list = id(l)
del d, l
text = repr((1, 2))
d2 = {"b": 2}
l2 = [3, 4]
print("dict after the first repr reuses the freed dict:", id(d2) == freed_dict)
print("list after the first repr reuses the freed list:", id(l2) == freed_list)
# Later reprs keep nothing: the freed blocks are reused again.
freed_dict = id(d2)
freed_list = id(l2)
del d2, l2
text = repr([[1], {2: 3}])
d3 = {"c": 3}
l3 = [5, 6]
print("dict after a later repr reuses the freed dict:", id(d3) == freed_dict)
print("list after a later repr reuses the freed list:", id(l3) == freed_list)

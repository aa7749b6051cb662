import gc

gc.collect()
# The first repr that enters a container (here an empty set's, through
# str()) makes the thread state's dict and the list Py_ReprEnter keeps in it:
# two GC objects that stay for the rest of the run. Counts are kept in ints
# and printed at the end, as printing a tuple is such a repr itself.
empty = set()
a = gc.get_count()[0]
text = str(empty)
b = gc.get_count()[0]
nested = [[[[[[1]]]]], {"k": (2, 3)}, (4, [5])]
c = gc.get_count()[0]
text = repr(nested)
d = gc.get_count()[0]
text = repr([])
e = gc.get_count()[0]
print("first repr (empty set):", b - a)
print("nested repr after it:", d - c)
print("repr of an empty list:", e - d)
print(text)

import gc
import tracemalloc

gc.collect()
# A tracemalloc window spanning the first repr that enters a container: the
# thread state's dict, the list Py_ReprEnter keeps and (before 3.11) the
# interned key 'Py_Repr' stay; the list's item array is freed when the repr
# is done. Later reprs, nested ones too, keep nothing.
d = {1: [2, 3]}
deep = [[[[[[[7]]]]]]]
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
text = repr(d)
del text
first = tracemalloc.get_traced_memory()[0]
text = repr(deep)
del text
second = tracemalloc.get_traced_memory()[0]
text = str((d, deep, [5]))
del text
third = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("kept by the first repr:", first - before)
print("kept by a nested repr:", second - first)
print("kept by a tuple of containers:", third - second)

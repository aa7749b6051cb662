# list(x) and list.extend(x) of a dict, set, frozenset or dict
# view: 3.13 reads the container directly, without an iterator object, so
# the peak is the list alone; before, the iterator is traced too. tuple(x)
# and sorted(x) iterate on every version (sorted then binds the new list's
# sort method for one call).
import gc
import tracemalloc

gc.collect()

d = {i: i for i in range(10)}
s = set(range(10))
fs = frozenset(range(10))
sources = (('dict', d), ('keys', d.keys()), ('values', d.values()), ('items', d.items()),
           ('set', s), ('frozenset', fs), ('empty dict', {}), ('empty set', set()))
gc.collect()
for label, source in sources:
    for name, make in (('list', list), ('tuple', tuple), ('sorted', sorted)):
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        value = make(source)
        after = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del value
        print(label, name, after[0] - before, after[1] - before)
    grown = [0]
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    grown.extend(source)
    after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(label, 'extend', len(grown), after[0] - before, after[1] - before)

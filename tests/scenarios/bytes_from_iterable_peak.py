# bytes() of an iterable other than a list or tuple makes the new bytes
# object while its iterator is still alive; bytearray() grows as it goes.
import gc
import tracemalloc

gc.collect()

L = list(range(40))
T = tuple(L)
R = range(40)
S = set(range(40))
D = dict.fromkeys(range(40))
for source in (L, T, R, S, D, iter(L)):
    for make in (bytes, bytearray):
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        value = make(source)
        after = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del value
        print(type(source).__name__, make.__name__, after[0] - before, after[1] - before)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = bytes(range(33))
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print('bytes(range(33))', after[0] - before, after[1] - before)

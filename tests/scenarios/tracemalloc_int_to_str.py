# str() and repr() of an int hold a scratch int (base 10**9 digits) while they
# make the str: the peak shows it. Before 3.13 str has no vectorcall, so a
# call packs its argument in a tuple until the call site runs specialised
# (3.11: once its code object is warm; 3.12: from the site's second run).
import gc
import tracemalloc

big = 10 ** 40
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = str(12)
after = tracemalloc.get_traced_memory()
print("str(12)", after[0] - before, after[1] - before)
tracemalloc.stop()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = str(0)
after = tracemalloc.get_traced_memory()
print("str(0)", after[0] - before, after[1] - before)
tracemalloc.stop()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = repr(-1234567890123)
after = tracemalloc.get_traced_memory()
print("repr(-1234567890123)", after[0] - before, after[1] - before)
tracemalloc.stop()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = repr(big)
after = tracemalloc.get_traced_memory()
print("repr(10 ** 40)", after[0] - before, after[1] - before)
tracemalloc.stop()
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = [str(i) for i in range(14)]
after = tracemalloc.get_traced_memory()
print("list comprehension", after[0] - before, after[1] - before)
tracemalloc.stop()
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = '-'.join(str(i) for i in range(14))
after = tracemalloc.get_traced_memory()
print("generator expression", after[0] - before, after[1] - before)
tracemalloc.stop()
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
v = []
for i in range(12):
    v.append(str(i + 1000))
after = tracemalloc.get_traced_memory()
print("loop", after[0] - before, after[1] - before)
tracemalloc.stop()
del v

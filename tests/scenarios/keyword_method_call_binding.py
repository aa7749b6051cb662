# A method call with keyword arguments binds the method before its
# arguments (LOAD_ATTR) before 3.11: a builtin method object lives for the
# call and counts in tracemalloc's peak (3.9, 3.10), or comes from the free
# list of them (3.8); from 3.11 nothing is bound. Each call runs twice: the
# first also makes its parser's keyword tuple where the version does.
import gc
import tracemalloc

gc.collect()
lst = list(range(10))
text = "a b c"
for i in range(2):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    lst.sort(reverse=True)
    after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("sort(reverse=True)", after[0] - before, after[1] - before)
for i in range(2):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    parts = text.split(sep=" ")
    after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("split(sep=' ')", after[0] - before, after[1] - before, parts)
for i in range(2):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    lst.sort()
    after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("sort()", after[0] - before, after[1] - before)
print(lst, gc.collect())

from sys import getsizeof, getrefcount as refs
from gc import collect, get_count, is_tracked
import tracemalloc as tm
from tracemalloc import (
    start,
    get_traced_memory,
    stop,
)
import gc as collector, sys

collect()
# from-imports bind the module's own function objects: the same objects
# as the module attributes
print(getsizeof is sys.getsizeof, refs is sys.getrefcount, collect is collector.collect)
print(tm.start is start, tm.get_traced_memory is get_traced_memory)
data = [1, 2, 3]
print(getsizeof(data), refs(data), is_tracked(data), is_tracked(3))
print(type(get_count()).__name__, len(get_count()))
start()
grow = [None] * 1000
current, peak = get_traced_memory()
print(current, peak)
del grow
print(get_traced_memory()[0] < current)
stop()


def local_imports():
    from sys import getsizeof as size_of
    import tracemalloc as t
    return size_of(()), t.is_tracing()


print(local_imports())

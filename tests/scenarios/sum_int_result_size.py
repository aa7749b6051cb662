# The int sum() returns when every item is an int: before 3.12 its C long
# total is made by PyLong_FromLong (a medium int's 32-byte request on 3.11),
# from 3.12 its Py_ssize_t total by PyLong_FromSsize_t (exactly its digits).
import gc
import tracemalloc

values = [[100000, 2000000], [1 << 40, 5], [-70000, 3], [1 << 62, 1 << 61]]
gc.collect()
for items in values:
    tracemalloc.start()
    total = sum(items)
    print(total, tracemalloc.get_traced_memory())
    tracemalloc.stop()
    del total
squares = (n * n for n in range(1000))
tracemalloc.start()
total = sum(squares)
print(total, tracemalloc.get_traced_memory())
tracemalloc.stop()

# What print() allocates when stdout is unbuffered (PYTHONUNBUFFERED=1, as
# heapsim models it): nothing it writes is kept, but each piece is copied
# into a bytes object (ASCII) or encoded into one (other text) while it is
# written, which tracemalloc's peak sees.
import gc
import sys
import tracemalloc
import array

gc.collect()
marks = array.array('q', [0] * 8)
s = "".join(["ab", "cd"])
print(s)
print(sys.getrefcount(s))
n = 3000
tracemalloc.start()
marks[0] = tracemalloc.get_traced_memory()[0]
t = "y" * n
marks[1] = tracemalloc.get_traced_memory()[0]
print(t)
marks[2] = tracemalloc.get_traced_memory()[0]
marks[3] = tracemalloc.get_traced_memory()[1]
u = "\u00e9" * n
marks[4] = tracemalloc.get_traced_memory()[0]
print(u)
marks[5] = tracemalloc.get_traced_memory()[0]
marks[6] = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print([marks[i] - marks[0] for i in range(1, 7)])

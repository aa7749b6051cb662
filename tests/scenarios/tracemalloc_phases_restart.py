# tolerance: 3%
import gc
import tracemalloc

gc.collect()
# stop() forgets everything; a new start() begins a new peak
block = None
tracemalloc.start()
block = [[i, i] for i in range(2000)]
first = tracemalloc.get_traced_memory()
block = None
tracemalloc.stop()
print(first[0], first[1], tracemalloc.get_traced_memory())
tracemalloc.start()
print(tracemalloc.get_traced_memory()[0] < 500)
block = bytearray(50000)
second = tracemalloc.get_traced_memory()
block = None
third = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(second[0], second[1])
print(third[0] < 500, third[1] == second[1])
tracemalloc.start()
words = ["w" + str(i) for i in range(1000)]
fourth = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(fourth[0], fourth[1], len(words))

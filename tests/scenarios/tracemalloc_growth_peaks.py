# tolerance: 3%
import gc
import tracemalloc

gc.collect()
# growing a list by append: the peak includes the moment old and new arrays coexist
lst = None
tracemalloc.start()
lst = []
marks = []
for i in range(20000):
    lst.append(None)
    if i % 5000 == 4999:
        marks.append(tracemalloc.get_traced_memory())
lst = None
end = tracemalloc.get_traced_memory()
tracemalloc.stop()
for m in marks:
    print(m[0], m[1])
print(end[0] < 500, end[1])

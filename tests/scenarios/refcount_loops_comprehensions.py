import gc
import sys

gc.collect()
# references held while iterating: the loop variable, the iterator's container, comprehensions
obj = ["payload"]
box = [obj, obj]
print(sys.getrefcount(obj))
for item in box:
    inside = sys.getrefcount(obj)
print(inside, sys.getrefcount(obj))
del item
print(sys.getrefcount(obj))
counts = [sys.getrefcount(v) for v in box]
print(counts, sys.getrefcount(obj))
as_set = {sys.getrefcount(v) for v in box}
as_dict = {i: sys.getrefcount(v) for i, v in enumerate(box)}
print(sorted(as_set), as_dict)
print(sum(sys.getrefcount(v) for v in box))
pairs = list(zip(box, box))
print(len(pairs), sys.getrefcount(obj))
del pairs
print(sys.getrefcount(obj))
for i, v in enumerate(box):
    last = sys.getrefcount(v)
print(last, sys.getrefcount(obj))
del v
print(sys.getrefcount(obj))
k = 0
while k < 3:
    tmp = box[k % 2]
    k += 1
print(sys.getrefcount(obj))
tmp = None
box.clear()
print(sys.getrefcount(obj))

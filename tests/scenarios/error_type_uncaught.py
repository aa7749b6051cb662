import gc
import sys

gc.collect()
# TypeErrors: an unhashable key caught, then adding str and int ends the script (exit 1)
d = {}
key = [1, 2]
try:
    d[key] = 1
except TypeError:
    print("list is unhashable", len(d))
try:
    s = {key}
except TypeError:
    print("cannot put a list in a set")
print(sys.getrefcount(key), sys.getsizeof(d))
t = (1, 2)
d[t] = "ok"
print(d, sys.getsizeof(d))
print("count: " + str(len(d)))
print("count: " + len(d))
print("never printed")

import gc
import sys

gc.collect()
# in-place sort and reverse keep the list and its block; sorted() makes a new exact list
vals = []
for v in [5, 2, 9, 1, 7, 3, 8]:
    vals.append(v)
vid = id(vals)
size = sys.getsizeof(vals)
vals.sort()
print(vals, id(vals) == vid, sys.getsizeof(vals) == size)
vals.reverse()
print(vals, id(vals) == vid, sys.getsizeof(vals) == size)
vals.sort(key=lambda v: -v, reverse=True)
print(vals, sys.getsizeof(vals) == size)
s = sorted(vals, reverse=True)
print(s, s is vals, sys.getsizeof(s), size)
r = list(reversed(vals))
print(r, sys.getsizeof(r))
words = ["pear", "Apple", "fig", "banana"]
print(sorted(words), sorted(words, key=len), sorted(words, key=lambda w: w.lower()))
print(max(words, key=len), min(words), sorted("hello"))
t = (3, 1, 2)
print(sorted(t), type(sorted(t)).__name__, t)
print(sorted({3: "c", 1: "a"}), sorted({5, 4, 6}, reverse=True))

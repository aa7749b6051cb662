import gc
import sys

gc.collect()
# slices and concatenations are new lists sized exactly, not over-allocated
base = []
for i in range(9):
    base.append(i)
print(sys.getsizeof(base))
s = base[:]
print(s == base, s is base, sys.getsizeof(s))
print(sys.getsizeof(base[2:5]), sys.getsizeof(base[::3]), sys.getsizeof(base[::-1]), sys.getsizeof(base[5:2]))
both = base + base
print(len(both), sys.getsizeof(both))
triple = base * 3
print(len(triple), sys.getsizeof(triple), sys.getsizeof(base * 0), sys.getsizeof([] * 5))
nested = [base] * 2
print(nested[0] is nested[1], sys.getrefcount(base))
base[2:4] = ["a", "b", "c", "d"]
print(len(base), sys.getsizeof(base))
base[1:8] = []
print(base, sys.getsizeof(base))
base[::2] = [0] * len(base[::2])
print(base)
try:
    base[::2] = [1, 2, 3, 4, 5, 6]
except ValueError:
    print("extended slice size mismatch")
t = tuple(range(6))
print(t[:] is t, t[0:6] is t, t[1:] is t, sys.getsizeof(t[1:]), sys.getsizeof(t + t))
print((t + ()) is t, (() + t) is t, sys.getsizeof(t * 1), (t * 1) is t)

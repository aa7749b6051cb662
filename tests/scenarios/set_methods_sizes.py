import gc
import sys

gc.collect()
# set sizes under methods, and sizes of the results of set algebra
s = set()
for i in range(10):
    s.add(i)
print(len(s), sys.getsizeof(s))
s.discard(3)
s.discard(42)
s.remove(4)
print(len(s), sys.getsizeof(s))
print(s.pop(), len(s), sys.getsizeof(s))
t = {5, 6, 7, 100, 200}
u = s.union(t)
i = s.intersection(t)
d = s.difference(t)
print(sorted(u), sys.getsizeof(u))
print(sorted(i), sys.getsizeof(i))
print(sorted(d), sys.getsizeof(d))
print(sys.getsizeof(s | t), sys.getsizeof(s & t), sys.getsizeof(s - t))
c = s.copy()
print(sorted(c), sys.getsizeof(c), c == s, c is s)
s.update(range(100))
print(len(s), sys.getsizeof(s))
s.update([])
print(len(s), sys.getsizeof(s))
for k in range(95):
    s.discard(k)
print(len(s), sys.getsizeof(s), sys.getsizeof(s.copy()))
s.clear()
print(len(s), sys.getsizeof(s))
f = frozenset(range(30))
print(sys.getsizeof(f), sys.getsizeof(f.union([1])), sys.getsizeof(f.intersection(range(3))))
print(type(f.union([1])).__name__, type(s.union(f)).__name__, sys.getsizeof(set(f)))
try:
    s.remove(1)
except KeyError:
    print("remove of a missing item raises KeyError")
try:
    s.pop()
except KeyError:
    print("pop from an empty set raises KeyError")

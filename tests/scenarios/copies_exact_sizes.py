import gc
import sys

gc.collect()
# copies are sized for their content, not for the original's spare room
grown = []
for i in range(17):
    grown.append(i)
print(sys.getsizeof(grown), sys.getsizeof(grown.copy()), sys.getsizeof(grown[:]), sys.getsizeof(list(grown)))
d = {}
for i in range(30):
    d[i] = i
for i in range(25):
    del d[i]
print(len(d), sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)))
s = set(range(100))
for i in range(95):
    s.discard(i)
print(len(s), sys.getsizeof(s), sys.getsizeof(s.copy()), sys.getsizeof(set(s)))
nested = [[1, 2], [3, 4]]
shallow = nested.copy()
print(shallow[0] is nested[0], sys.getrefcount(nested[0]))
shallow[0].append(9)
print(nested[0])
deep = [row[:] for row in nested]
deep[1].append(10)
print(nested[1], deep[1], deep[0] is nested[0])
t = tuple(grown)
print(sys.getsizeof(t), tuple(t) is t, list(t) == grown)
fz = frozenset(s)
print(fz == s, sys.getsizeof(fz), frozenset(fz) is fz)

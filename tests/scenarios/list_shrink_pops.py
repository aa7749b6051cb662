import gc
import sys

gc.collect()
# a list's block shrinks only when less than half of it is used (3.13.0: not by del l[i])
l = []
for i in range(100):
    l.append(i)
steps = []
last = sys.getsizeof(l)
while l:
    l.pop()
    now = sys.getsizeof(l)
    if now != last:
        steps.append((len(l), now))
        last = now
print(steps)
m = list(range(64))
changes = []
last = sys.getsizeof(m)
for i in range(60):
    del m[0]
    now = sys.getsizeof(m)
    if now != last:
        changes.append((len(m), now))
        last = now
print(changes)
n = list(range(1000))
del n[10:]
print(len(n), sys.getsizeof(n))
n = list(range(1000))
del n[::2]
print(len(n), sys.getsizeof(n))
del n[::2]
print(len(n), sys.getsizeof(n))
n[5:] = []
print(len(n), sys.getsizeof(n))

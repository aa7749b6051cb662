# collections.deque: sizes as its 64-slot blocks are taken and given back
# at both ends, maxlen trimming, rotate, clear, and the errors and reprs.
import gc
import sys
from collections import deque

gc.collect()

d = deque()
sizes = [sys.getsizeof(d)]
for i in range(200):
    d.append(i)
    if i % 16 == 15:
        sizes.append(sys.getsizeof(d))
print("append", sizes)
left = deque()
sizes = []
for i in range(130):
    left.appendleft(i)
    if i % 32 == 31:
        sizes.append(sys.getsizeof(left))
print("appendleft", sizes, left[0], left[-1], len(left))
sizes = []
while left:
    left.popleft()
    if len(left) % 40 == 0:
        sizes.append(sys.getsizeof(left))
print("popleft", sizes)
print("built", sys.getsizeof(deque(range(63))), sys.getsizeof(deque(range(64))),
      sys.getsizeof(deque(range(127))), sys.getsizeof(deque(range(128))))
e = deque()
e.extendleft(range(70))
print("extendleft", sys.getsizeof(e), e[0], e[69])
e.rotate(35)
print("rotate", sys.getsizeof(e), e[0], e[-1])
e.rotate(-100)
print("rotate back", sys.getsizeof(e), e[0], e[-1])
e.rotate(10**18)
print("rotate big", e[0], len(e))
e.clear()
print("clear", sys.getsizeof(e), len(e), e)
m = deque(range(10), maxlen=4)
m.append(10)
m.appendleft(-1)
print("maxlen", m, m.maxlen, deque().maxlen, sys.getsizeof(m))
m.extend("ab")
m.extendleft([7, 8])
print("trimmed", m)
z = deque("abc", 0)
print("zero", z, len(z))
print("repr", deque([1, "a", (2,)]), deque([], maxlen=3), str(deque([None])))
s = deque([1, 2, 3, 2])
print("search", s.count(2), s.index(3), 2 in s, 9 in s, len(s), bool(deque()))
s.remove(2)
print("remove", s)
s.reverse()
print("reverse", s, s[0], s[-1])
s[1] = "x"
del s[0]
print("items", s, list(s), tuple(s))
c = s.copy()
print("copy", c, c == s, c is s, c != s, type(c).__name__, type(c))
print("equal", deque([1, 2]) == deque([1, 2]), deque([1]) == deque([1, 2]), deque([1]) == [1])
selfref = deque()
selfref.append(selfref)
print("cycle repr", selfref)
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: s[9],
            lambda: s["a"], lambda: deque(maxlen=-1), lambda: deque(1),
            lambda: s.index("zz"), lambda: hash(s)):
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)
it = iter(s)
next(it)
s.append(5)
try:
    next(it)
except RuntimeError as exc:
    print("RuntimeError", exc)

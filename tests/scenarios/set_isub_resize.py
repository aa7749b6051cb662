import gc
import sys

gc.collect()
# s -= other discards other's keys one by one, then shrinks a table left more than a
# quarter dummies; s -= s clears s; an other more than 8 times larger is first
# intersected with s.
s = set(range(10))
print(sys.getsizeof(s))
s -= set(range(19))
print(len(s), sys.getsizeof(s))
s = set(range(40))
s -= set(range(5))
print(len(s), sys.getsizeof(s))
s -= set(range(30))
print(len(s), sys.getsizeof(s))
s -= s
print(len(s), sys.getsizeof(s))
t = set(range(3))
t -= set(range(1000))
print(len(t), sys.getsizeof(t))
f = frozenset(range(20))
f -= {1, 2}
print(type(f).__name__, len(f), sys.getsizeof(f))

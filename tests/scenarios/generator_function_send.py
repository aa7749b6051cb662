# generator.send(): the value a paused 'x = yield' receives (kept by the
# frame, seen in refcounts), StopIteration at the end and after it, and
# TypeError for a value sent to a generator that has not started.
import sys
import gc
def acc():
    total = 0
    while True:
        x = yield total
        total += x
        if total > 100:
            return
gc.collect()
a = acc()
print(a.send(None))
print(a.send(5), a.send(10))
big = [1] * 50
try:
    print(a.send(200))
except StopIteration:
    print('stopped')
try:
    a.send(1)
except StopIteration:
    print('stopped again')
b = acc()
try:
    b.send(1)
except TypeError as e:
    print(e)
print(next(b), b.send(3), sys.getrefcount(big))
def keep():
    held = yield
    yield held
k = keep()
next(k)
print(sys.getrefcount(big))
print(k.send(big) is big, sys.getrefcount(big))
print(list(k), sys.getrefcount(big))
print(list(b for b in []))

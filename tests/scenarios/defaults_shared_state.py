import gc
import sys


def tally(word, counts={}):
    counts[word] = counts.get(word, 0) + 1
    return counts


def collect(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


def fixed(limit=(1, 2, 3)):
    return limit


gc.collect()
# defaults are built once, when def runs, and shared by every call that uses them
r1 = tally("a")
r2 = tally("b")
r3 = tally("a")
print(r1 is r2 is r3, r3, sys.getsizeof(r3))
print(sys.getrefcount(r1))
own = tally("z", {})
print(own, own is r1)
b1 = collect(1)
b2 = collect(2)
print(b1, b2, b1 is b2)
mine = []
print(collect(3, mine) is mine, collect(4, mine), sys.getsizeof(mine))
print(fixed() is fixed(), fixed(), sys.getrefcount(fixed()))
for i in range(20):
    tally("w" + str(i % 7))
print(len(r1), sys.getsizeof(r1))
del r1, r2
print(sys.getrefcount(r3))

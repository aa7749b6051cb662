# Many GC allocations before the first gc.collect(), past the point where
# CPython (3.8 to 3.12) surely ran automatic collections at times heapsim
# does not know: nothing was garbage then, so they freed nothing and the
# first gc.collect() finds 0. After it the counts are known again: cycles
# made then are counted exactly. No gc.collect() at the start: the window
# before the first full collection is what this scenario is about.
import gc

kept = []
for i in range(1200):
    kept.append([i])
print(len(kept), gc.isenabled())
print(gc.collect())
for i in range(30):
    x = [i]
    x.append(x)
del x
print(gc.collect())
t = tuple(kept[:3])
print(gc.is_tracked(t), gc.is_tracked(kept))
del kept
print(gc.collect())

import gc

gc.collect()
# automatic collections with a small threshold: count[0] wraps, count[1] and count[2] advance
old = gc.get_threshold()
gc.set_threshold(25, 3, 2)
now = gc.get_threshold()
seen = []
gc.collect()
for i in range(120):
    a = [i]
    a.append(a)
    if i % 10 == 9:
        seen.append(gc.get_count())
del a
print(now)
print(seen)
print(gc.collect())
print(gc.get_count())
gc.set_threshold(*old)
print(gc.get_threshold() == old)

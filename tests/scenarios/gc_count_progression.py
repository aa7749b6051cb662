import gc

gc.collect()
# gc.get_count()[0]: container allocations minus deallocations since the last collection
base = gc.get_count()
print(base)
keep = []
c0 = gc.get_count()[0]
for i in range(50):
    keep.append([i])
print(gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
for i in range(50):
    keep.append({"i": i})
print(gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
for i in range(50):
    keep.append(i * 1.5)
    keep.append(str(i) * 3)
print(gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
for i in range(50):
    keep.append((i, "x"))
print(gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
for i in range(50):
    keep.append({i})
print(gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
keep.clear()
print(gc.get_count()[0] - c0)
gc.collect(0)
print(gc.get_count())
gc.collect(0)
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect(2)
print(gc.get_count())

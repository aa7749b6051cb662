import gc

gc.collect()
# with the collector disabled, cycles pile up until an explicit collect
gc.disable()
print(gc.isenabled())
for i in range(300):
    a = {"i": i}
    a["self"] = a
del a
print(gc.get_count()[0] >= 300)
print(gc.collect())
for i in range(40):
    x = []
    y = [x]
    x.append(y)
del x, y
print(gc.collect(0), gc.get_count())
gc.enable()
print(gc.isenabled(), gc.collect())

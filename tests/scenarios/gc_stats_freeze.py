# gc.get_stats(): collections per generation (the start-up's included) and
# what they found; gc.freeze()/unfreeze()/get_freeze_count(): frozen
# objects are left alone by collections until unfrozen into the oldest
# generation; gc.is_finalized (3.9+).
import gc

def cycle():
    a = []
    b = [a]
    a.append(b)

def deltas(before, after):
    return [(a["collections"] - b["collections"], a["collected"] - b["collected"],
             a["uncollectable"] - b["uncollectable"]) for b, a in zip(before, after)]

gc.collect()

stats = gc.get_stats()
print(len(stats), type(stats).__name__, [sorted(s) for s in stats])
print([s["uncollectable"] for s in stats])
print(gc.get_stats() == gc.get_stats())
print(gc.get_stats()[1]["collections"] - stats[1]["collections"])

before = gc.get_stats()
for i in range(4):
    cycle()
print(gc.collect(0), gc.collect(1), gc.collect(2))
print(deltas(before, gc.get_stats()))

before = gc.get_stats()
cycle()
gc.collect(1)
cycle()
cycle()
gc.collect()
print(deltas(before, gc.get_stats()))

print(gc.get_freeze_count() >= 0)
start = gc.get_count()
cycle()
cycle()
gc.freeze()
print(gc.get_count())
print(gc.collect(), gc.collect())
gc.unfreeze()
print(gc.get_freeze_count(), gc.get_count())
print(gc.collect(0), gc.collect(1), gc.collect())

kept = [1]
holder = [kept]
gc.freeze()
print(len(gc.get_referrers(kept)), gc.is_tracked(holder))
gc.unfreeze()
print(len(gc.get_referrers(kept)), gc.is_tracked(holder))

cycle()
gc.freeze()
gc.unfreeze()
print(gc.get_freeze_count(), gc.collect(0), gc.collect())

items = [1, 2]
if hasattr(gc, "is_finalized"):
    print(gc.is_finalized(items), gc.is_finalized(None), gc.is_finalized(gc))
else:
    print("no is_finalized")
try:
    gc.is_finalized(items)
except AttributeError as e:
    print(e)

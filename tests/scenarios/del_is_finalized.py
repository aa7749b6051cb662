# gc.is_finalized (3.9+): set after __del__ ran when the count dropped to
# zero (False inside it), before it when a collection runs it (True
# inside); a resurrected object stays finalized.
import gc

keep = []


class Phoenix:
    def __del__(self):
        print("inside", gc.is_finalized(self) if hasattr(gc, "is_finalized") else "n/a")
        keep.append(self)


def finalized(obj):
    return gc.is_finalized(obj) if hasattr(gc, "is_finalized") else "n/a"


gc.collect()
a = Phoenix()
print("before", finalized(a))
del a
print("after del", finalized(keep[0]))
b = Phoenix()
b.me = b
del b
print("collected", gc.collect())
print("after collect", finalized(keep[1]))

# A finalizer that stores self resurrects the object: __del__ never runs
# twice. In a collection, 3.8 keeps the whole unreachable set alive when
# anything was resurrected; 3.9+ frees all but the resurrected objects.
import gc
import sys

keep = []


class Phoenix:
    def __init__(self, name, rise):
        self.name = name
        self.rise = rise
        self.other = None

    def __del__(self):
        print("finalize", self.name, sys.getrefcount(self))
        if self.rise:
            keep.append(self)


gc.collect()
p = Phoenix("single", True)
del p
print("alive", len(keep), keep[0].name, sys.getrefcount(keep[0]))
keep.clear()
print("dropped again, no second finalizer")
x = Phoenix("x", True)
y = Phoenix("y", False)
x.other = y
y.other = x
del x, y
print("collected", gc.collect())
print("kept", [k.name for k in keep], keep[0].other.name)
print("again", gc.collect())
keep.clear()
print("after clear", gc.collect())
u = Phoenix("u", False)
v = Phoenix("v", True)
u.other = u
v.other = v
del u, v
print("collected", gc.collect())
print("kept", [k.name for k in keep])
keep.clear()
print("after clear", gc.collect())
print("end")

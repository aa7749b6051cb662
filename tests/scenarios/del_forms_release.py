import gc
import sys


class Holder:
    def __init__(self, v):
        self.v = v


gc.collect()
# every form of del drops one reference
obj = ["shared"]
a = obj
lst = [obj, obj, obj, obj]
d = {"x": obj, "y": obj}
h = Holder(obj)
print(sys.getrefcount(obj))
del a
print(sys.getrefcount(obj))
del lst[0]
print(sys.getrefcount(obj), len(lst))
del lst[0:2]
print(sys.getrefcount(obj), len(lst))
del d["x"]
print(sys.getrefcount(obj), len(d))
del h.v
print(sys.getrefcount(obj))
del lst, d
print(sys.getrefcount(obj))
x = y = obj
del x, y
print(sys.getrefcount(obj))

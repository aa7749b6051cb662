# vars(instance) is the instance's __dict__, made on first use as
# o.__dict__ makes it: live, holding references; vars of objects without a
# __dict__ and its argument errors.
import gc
import sys


class Box:
    pass


gc.collect()

payload = [1, 2, 3]
b = Box()
d = vars(b)
print("vars empty", d, type(d).__name__, d is b.__dict__, d is vars(b))
b.x = 1
d["y"] = 2
print("vars live", vars(b), b.y, sorted(d))
box_before = sys.getrefcount(payload)
vars(b)["held"] = payload
print("vars holds", sys.getrefcount(payload) - box_before)
del b
print("dict outlives instance", sys.getrefcount(payload) - box_before, sorted(d))
del d
print("released", sys.getrefcount(payload) - box_before)
fresh = Box()
print("sizes", sys.getsizeof(fresh), gc.is_tracked(vars(fresh)))


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


show("vars int", lambda: vars(1))
show("vars list", lambda: vars([]))
show("vars two", lambda: vars(Box(), 1))
show("vars kw", lambda: vars(object=Box()))


class Slotted:
    __slots__ = ("a",)


show("vars slotted", lambda: vars(Slotted()))
s = Slotted()
s.a = 1
print("slotted attrs", getattr(s, "a"), hasattr(s, "a"), callable(s))
delattr(s, "a")
show("slotted after delattr", lambda: getattr(s, "a"))
show("slotted setattr other", lambda: setattr(s, "b", 1))

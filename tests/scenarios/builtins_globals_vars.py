# globals() is the module's own namespace dict (the one functions read
# their globals from); vars(instance) is the instance's __dict__, made on
# first use as o.__dict__ makes it.
import gc
import sys


class Box:
    pass


def read_counter():
    return counter


def namespace_from_function():
    return globals()


gc.collect()

g = globals()
print("same object", g is globals(), g is namespace_from_function(), type(g).__name__)
print("dunder keys", sorted(k for k in g if k.startswith("__")))
print("script names", [k for k in g if not k.startswith("__")])
g["counter"] = 10
print("assigned through dict", counter, read_counter(), "counter" in g)
counter += 1
print("seen in dict", g["counter"])
payload = [1, 2, 3]
before = sys.getrefcount(payload)
g["alias"] = payload
print("dict holds", sys.getrefcount(payload) - before, alias is payload)
del g["alias"]
print("deleted", "alias" in g, sys.getrefcount(payload) - before)
try:
    print(alias)
except NameError as error:
    print("NameError", error)
print("gc tracked", gc.is_tracked(g), len(g) > 10)

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
print("instance freed", sys.getrefcount(payload) - box_before)
del d


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


show("vars int", lambda: vars(1))
show("vars list", lambda: vars([]))
show("vars two", lambda: vars(Box(), 1))
show("vars kw", lambda: vars(object=Box()))
show("globals arg", lambda: globals(1))
show("globals kw", lambda: globals(x=1))

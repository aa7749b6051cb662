# Finalizers run the moment the last reference goes: del, rebinding, a
# local at function exit, list.clear() (last item first), a dict, a tuple
# or an instance holding them freed; sys.getrefcount(self) inside is 3.
import gc
import sys


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  finalize", self.name, "refcount", sys.getrefcount(self))


class Child(Tracked):
    pass


class Holder:
    pass


gc.collect()
print("del:")
a = Tracked("a")
del a
print("rebind:")
b = Tracked("b1")
b = Tracked("b2")
b = None
print("loop rebinding:")
for i in range(3):
    x = Tracked("loop" + str(i))
print("after loop")
del x


def make_locals():
    first = Tracked("first local")
    second = Child("second local")
    print("  leaving the function")


print("function exit:")
make_locals()


def returns_one():
    kept = Tracked("returned")
    dropped = Tracked("dropped")
    return kept


print("return value kept:")
r = returns_one()
print("  got", r.name)
r = None
print("list.clear():")
items = [Tracked("item0"), Tracked("item1"), Tracked("item2")]
items.clear()
print("list freed:")
items = [Tracked("item0"), Tracked("item1")]
items = None
print("list.pop() result dropped:")
items = [Tracked("popped"), Tracked("stays")]
items.pop(0)
print("del items[0]:")
del items[0]
print("dict freed:")
d = {"k1": Tracked("d1"), "k2": Tracked("d2")}
d = None
print("dict item replaced:")
d = {"k": Tracked("old value")}
d["k"] = Tracked("new value")
d.clear()
print("tuple freed:")
t = (Tracked("t0"), Tracked("t1"))
del t
print("instance attribute:")
h = Holder()
h.child = Tracked("child")
h.child = Tracked("second child")
del h
print("expression statement:")
Tracked("temporary")
print("in a print call:", Tracked("argument").name)
print("subclass without its own __del__:")
c = Child("child class")
del c
print("end")

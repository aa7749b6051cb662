# getattr, setattr, hasattr, delattr and callable on instances, classes and
# builtin objects: the objects they return and keep alive, the names
# setattr interns, and each version's error messages.
import gc
import sys


class Point:
    dims = 2

    def norm(self):
        return self.x * self.x + self.y * self.y


class Caller:
    def __call__(self):
        return 1


gc.collect()


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value) if not callable(value) else "callable")
    except Exception as error:
        print(label, type(error).__name__, error)


p = Point()
p.x = 3
p.y = 4
payload = [1, 2, 3]
before = sys.getrefcount(payload)
setattr(p, "payload", payload)
print("setattr holds", sys.getrefcount(payload) - before)
got = getattr(p, "payload")
print("getattr same", got is payload, sys.getrefcount(payload) - before)
del got
print("default", getattr(p, "missing", payload) is payload, sys.getrefcount(payload) - before)
delattr(p, "payload")
print("delattr drops", sys.getrefcount(payload) - before, hasattr(p, "payload"))
m = getattr(p, "norm")
print("bound", type(m).__name__, m())
print("fresh bound", getattr(p, "norm") is getattr(p, "norm"), sys.getsizeof(m) > 0)
del m
print("class attr", getattr(Point, "dims"), getattr(p, "dims"), hasattr(Point, "norm"))
setattr(Point, "dims", 3)
print("class set", p.dims, Point.dims)
delattr(Point, "dims")
print("class del", hasattr(p, "dims"))
show("builtin method", lambda: getattr([], "append"))
print("has append", hasattr([], "append"), hasattr("", "join"), hasattr({}, "nope"))
size_before = sys.getsizeof(p)
for i in range(5):
    setattr(p, "field" + str(i), i)
print("computed names", [getattr(p, "field" + str(i)) for i in range(5)], sys.getsizeof(p) == size_before)
print("vars keys", sorted(p.__dict__))
for i in range(5):
    delattr(p, "field" + str(i))
print("after delattr", sorted(p.__dict__))
show("missing", lambda: getattr(p, "nope"))
show("missing class", lambda: getattr(Point, "nope"))
show("missing list", lambda: getattr([], "nope"))
show("name int", lambda: getattr(p, 1))
show("name int default", lambda: getattr(p, 1, 0))
show("has name int", lambda: hasattr(p, 1))
show("set name int", lambda: setattr(p, 1, 0))
show("del name int", lambda: delattr(p, 1))
show("getattr one", lambda: getattr(p))
show("getattr four", lambda: getattr(p, "x", 1, 2))
show("hasattr one", lambda: hasattr(p))
show("setattr two", lambda: setattr(p, "x"))
show("delattr one", lambda: delattr(p))
show("getattr kw", lambda: getattr(p, "x", default=1))
show("set list", lambda: setattr([], "a", 1))
show("set int", lambda: setattr(1, "a", 1))
show("del missing", lambda: delattr(p, "nope"))
show("del class missing", lambda: delattr(Point, "nope"))
show("del builtin method", lambda: delattr([], "append"))
show("del list missing", lambda: delattr([], "zz"))
for label, obj in [("len", len), ("int", int), ("Point", Point), ("instance", p),
                   ("caller", Caller()), ("method", p.norm), ("lambda", lambda: 0),
                   ("list.append", [].append), ("None", None), ("str", "abc"),
                   ("ValueError", ValueError), ("iterator", iter([]))]:
    print("callable", label, callable(obj))
show("callable none", lambda: callable())
show("callable two", lambda: callable(1, 2))
print("gc tracked", gc.is_tracked(p))

# Memory of exception classes' instances: sys.getsizeof of an instance and
# of its __dict__ (made lazily; shared keys before 3.11, a plain dict
# after), GC tracking, reference counts, gc counts of making one, freeing
# (the args tuple and dict go with it) and id reuse; the class's own size.
import sys, gc


class E(Exception):
    pass


class V(ValueError):
    def __init__(self, amount):
        super().__init__("need", amount)
        self.amount = amount


class F(E):
    pass


gc.collect()
print(sys.getsizeof(E), sys.getsizeof(F), gc.is_tracked(E))
e = E()
print(sys.getsizeof(e), gc.is_tracked(e), sys.getrefcount(e), sys.getrefcount(E))
d = e.__dict__
print(sys.getsizeof(d), d, gc.is_tracked(d), sys.getrefcount(d))
del d
e.x = 1
print(sys.getsizeof(e.__dict__), e.x)
g = E("a")
g.y = [1, 2]
print(sys.getsizeof(g.__dict__), gc.is_tracked(g.__dict__))
v = V(5)
print(sys.getsizeof(v), sys.getsizeof(v.__dict__), v.args, sys.getrefcount(v.args))
z = F(1, 2)
for name in "abcdef":
    setattr(z, name, 0)
print(sys.getsizeof(z.__dict__), sorted(z.__dict__))
w = F()
w.a = 1
print(sys.getsizeof(w.__dict__))
print(sys.getrefcount(E), sys.getrefcount(F), sys.getrefcount(V))

# gc counts made by an instance: the instance (and the args tuple).
gc.collect()
before = gc.get_count()[0]
h = E(1, 2)
after = gc.get_count()[0]
h.q = 5
print(after - before, gc.get_count()[0] - after)

# freeing: the instance, its args and dict go; the same block is reused.
t = E("x")
tid = id(t)
del t
u = E("y")
print(id(u) == tid)
payload = [1, 2, 3]
u.payload = payload
print(sys.getrefcount(payload))
del u
print(sys.getrefcount(payload))
args = ("p", "q")
m = E(*args)
print(m.args == args, sys.getrefcount(m))

# a raised and caught instance is freed at the end of the handler.
marker = []
try:
    raise V(3)
except V as err:
    err.keep = marker
    print(sys.getrefcount(marker), err.amount)
print(sys.getrefcount(marker))

# cycles through an instance's dict are collected.
gc.collect()
c = E("cycle")
c.me = c
del c
print(gc.collect())

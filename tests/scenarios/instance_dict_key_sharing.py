# An instance's __dict__ and its class's shared keys: a key added through the
# dict itself, attributes added after __init__, deletion and re-insertion,
# a non-str key, and the shared keys filling up.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
q = Point(3, 4)
d = q.__dict__
print("materialised", sys.getsizeof(d))
d["z"] = 5
print("key added through the dict", sys.getsizeof(d), list(d))
q.w = 6
print("attribute added", sys.getsizeof(d), list(d))
r = Point(5, 6)
print("later instance", sys.getsizeof(r.__dict__), list(r.__dict__))
r.w = 7
print("its fourth name", sys.getsizeof(r.__dict__), list(r.__dict__))
del r.x
print("after del", sys.getsizeof(r.__dict__), list(r.__dict__))
r.x = 8
print("re-added", sys.getsizeof(r.__dict__), list(r.__dict__))
try:
    del r.__dict__["nope"]
except KeyError as e:
    print("KeyError", e, sys.getsizeof(r.__dict__))
s = Point(1, 2)
s.__dict__[1] = "one"
print("non-str key", sys.getsizeof(s.__dict__), list(s.__dict__))
t = Point(3, 4)
print("after that", sys.getsizeof(t.__dict__), list(t.__dict__))


class Wide:
    pass


w = Wide()
sizes = []
for i in range(40):
    setattr(w, "a%d" % i, i)
    size = sys.getsizeof(w.__dict__)
    if not sizes or sizes[-1][1] != size:
        sizes.append((i + 1, size))
print("growing", sizes)
v = Wide()
v.a0 = 0
print("next instance", sys.getsizeof(v.__dict__))
u = Wide()
u.b = 1
u.a0 = 0
print("out of order", sys.getsizeof(u.__dict__), list(u.__dict__))

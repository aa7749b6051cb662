import gc
import sys

gc.collect()
# which equal strings are the same object: constants, names, singletons, run-time strings
a = "hello_world"
b = "hello_" + "world"
c = "".join(["hello_", "world"])
print(a == b == c, a is b, a is c)
d = "hello world"
e = "hello world"
print(d is e)
f = "x"
g = "xyz"[0]
h = str("x")
print(f is g, f is h)
lat = "\u00e9"
lat2 = "caf\u00e9"[3]
print(lat is lat2, sys.getsizeof(lat), sys.getsizeof(lat2))
wide = "\u20ac"
wide2 = "1\u20ac"[1]
print(wide == wide2, wide is wide2, sys.getsizeof(wide2))
n1 = str(5)
n2 = str(5)
n3 = str(55)
n4 = str(55)
print(n1 is n2, n3 is n4)
empty = "abc"[1:1]
print(empty is "abc"[2:2], empty == "", sys.getsizeof(empty))
print(sys.getrefcount(d) >= 3, sys.getrefcount(c))
up = "abc".upper()
print(up == "ABC", sys.getsizeof(up))

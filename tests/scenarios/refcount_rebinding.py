import gc
import sys

gc.collect()
# names are references: aliasing, rebinding, swapping and deleting
a = {"k": [1]}
b = a
c = b
print(sys.getrefcount(a), a is c)
b = {"k": [1]}
print(sys.getrefcount(a), a == b, a is b)
a, b = b, a
print(sys.getrefcount(a), sys.getrefcount(b), c is b)
x = y = z = a
print(sys.getrefcount(a))
x, y = 1, 2
print(sys.getrefcount(a))
del z
print(sys.getrefcount(a))
inner = a["k"]
print(sys.getrefcount(inner))
a["k"] = None
print(sys.getrefcount(inner), inner)
pair = (inner, inner)
first, second = pair
print(sys.getrefcount(inner))
del pair
print(sys.getrefcount(inner))
del first, second
print(sys.getrefcount(inner))
p = q = []
p += [1]
print(q, p is q, sys.getrefcount(p))
p = p + [2]
print(q, p is q, sys.getrefcount(q))

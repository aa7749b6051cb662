# The repr of builtin functions and of builtin methods bound to an object
# (the object's address cut off: it is not deterministic).
import gc
import sys
from sys import getsizeof

print(len, id, print)
print([max, min], (sorted,))
print(f"{isinstance}", str(repr))
print(sys.getsizeof, getsizeof, gc.collect)
items = []
method = items.append
print(repr(method).split(" at ")[0])
print(repr("text".upper).split(" at ")[0])
print(repr({}.get).split(" at ")[0])


class Box:
    pass


print(repr(Box().__sizeof__).split(" at ")[0])
print(type(len).__name__, type(method).__name__)

# __name__, __qualname__, __self__ and __module__ of builtin functions and
# methods: a new str on each read of __name__ (and of a function's
# __qualname__), a method's __self__ its object (a class method's its
# type) and its __module__ None.
import sys

L = []
d = {}
for label, value in [
    ("len", len.__name__),
    ("len qualname", len.__qualname__),
    ("print", print.__name__),
    ("print qualname", print.__qualname__),
    ("isinstance", isinstance.__name__),
    ("append", L.append.__name__),
    ("get", d.get.__name__),
    ("upper", "x".upper.__name__),
    ("hex", b"x".hex.__name__),
    ("to_bytes", (5).to_bytes.__name__),
    ("fromkeys", dict.fromkeys.__name__),
    ("from_bytes", int.from_bytes.__name__),
    ("fromhex", bytes.fromhex.__name__),
    ("getsizeof", sys.getsizeof.__name__),
    ("getsizeof qualname", sys.getsizeof.__qualname__),
]:
    print(label, repr(value), sys.getsizeof(value))
print("new each read", len.__name__ is len.__name__, len.__name__ == len.__name__)
name = len.__name__
print("refcount", sys.getrefcount(name))
print("self", L.append.__self__ is L, d.get.__self__ is d, dict.fromkeys.__self__ is dict,
      int.from_bytes.__self__ is int, (5).from_bytes.__self__ is int,
      bytearray.fromhex.__self__ is bytearray)
print("module", L.append.__module__, d.get.__module__, dict.fromkeys.__module__)
m = L.append
del L
print("self keeps", m.__self__, sys.getrefcount(m.__self__))

import gc
import sys

gc.collect()
# sizes of assorted objects from the builtins of the subset
print(sys.getsizeof(None), sys.getsizeof(object()), sys.getsizeof(range(100)), sys.getsizeof(range(10 ** 20)))
print(type(range(3)).__name__, type(None).__name__, type(object()).__name__)
r = range(5)
print(r[1], len(r), sys.getsizeof(r[1:3]), r[1:3])
print(sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(bool(7)))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof(((),)))
print(sys.getsizeof([[]]), sys.getsizeof([[], []]), sys.getsizeof([()] * 3))
print(sys.getsizeof({}), sys.getsizeof({(): ()}), sys.getsizeof({1}), sys.getsizeof(frozenset()))
print(sys.getsizeof(""), sys.getsizeof(" "), sys.getsizeof("\n"), sys.getsizeof("\t\t"))
print(sys.getsizeof(0.0), sys.getsizeof(0j), sys.getsizeof(-0.0))
print(sys.getsizeof(b""), sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b"")))

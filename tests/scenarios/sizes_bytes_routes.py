import gc
import sys

gc.collect()
# bytes and bytearray built by different routes
print(sys.getsizeof(bytes(5)), sys.getsizeof(bytes([1, 2, 3])), sys.getsizeof(b"abc" * 4))
print(sys.getsizeof(b"ab" + b"cd"), sys.getsizeof(bytes(range(10))), sys.getsizeof(b"xyz"[1:]))
print(sys.getsizeof(bytearray(b"hello")), sys.getsizeof(bytearray(5)), sys.getsizeof(bytearray([1, 2])))
ba = bytearray(b"0123456789")
print(sys.getsizeof(ba), sys.getsizeof(ba[2:5]), sys.getsizeof(ba + ba), sys.getsizeof(ba * 3))
print(sys.getsizeof(bytes(ba)), sys.getsizeof(bytearray(ba)), type(ba[0]).__name__)
for i in range(6):
    ba.pop()
print(len(ba), sys.getsizeof(ba))
for i in range(4):
    ba.pop()
print(len(ba), sys.getsizeof(ba))
ba.extend(b"abcdefghijklmnopqrstuvwxyz")
print(len(ba), sys.getsizeof(ba))
ba.append(65)
ba.append(66)
print(len(ba), sys.getsizeof(ba), ba[-2:])
b = b"x" * 100
print(sys.getsizeof(b), sys.getsizeof(b[:50]), sys.getsizeof(b + b))
e = bytes(0)
print(e is b[0:0], e is bytes(), sys.getsizeof(e), len(e))
one = b[0:1]
print(one is b[1:2], one == b"x", sys.getsizeof(one))

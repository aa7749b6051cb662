import gc
import sys

gc.collect()
# Deleting from the front of a bytearray advances its logical start; the buffer is
# only replaced when the size falls under half of it. Slices assigned from anything but
# another bytearray go through a temporary bytearray copy.
b = bytearray(range(40))
print(len(b), sys.getsizeof(b))
del b[0:3]
print(len(b), sys.getsizeof(b), b[:4])
del b[0]
print(len(b), sys.getsizeof(b), b[:4])
del b[5]
print(len(b), sys.getsizeof(b), b[3:7])
b.append(200)
print(len(b), sys.getsizeof(b))
del b[0:20]
print(len(b), sys.getsizeof(b), b[:3])
b.extend(b"xyz" * 4)
print(len(b), sys.getsizeof(b))
del b[::2]
print(len(b), sys.getsizeof(b), b)
b[2:5] = b"ABCDEFGH"
print(len(b), sys.getsizeof(b), b)
b[0:1] = [65, 66, 67]
print(len(b), sys.getsizeof(b), b)
b[1:4] = b
print(len(b), sys.getsizeof(b), b)
b[::3] = bytes(len(b[::3]))
print(len(b), sys.getsizeof(b), b)
b[0:0] = bytearray(b"front")
print(len(b), sys.getsizeof(b), b[:8])
e = bytearray()
e.extend(b"")
print(sys.getsizeof(e))
e[0:0] = b""
print(sys.getsizeof(e))
for bad in (5, "text", 2.5):
    try:
        b[0:2] = bad
    except TypeError as err:
        print("TypeError", err)
try:
    b[::2] = b"no"
except ValueError as err:
    print("ValueError", err)
try:
    del b[1000]
except IndexError as err:
    print("IndexError", err)
while len(b) > 2:
    del b[0:3]
    print(len(b), sys.getsizeof(b))

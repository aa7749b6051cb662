# array.array as a buffer: bytes(), bytearray(), bytes + array,
# bytearray += array, bytearray.extend(array) and `in` take the raw items;
# tobytes/frombytes round trips, and the sizes of what they make.
import sys, gc
import array
gc.collect()

a = array.array('h', [1, 258, -1])
b = bytes(a)
print(b, sys.getsizeof(b), len(b))
ba = bytearray(a)
print(ba, sys.getsizeof(ba))
one = array.array('b', [65])
empty = b''
print(bytes(one), sys.getsizeof(bytes(one)), bytes(one) is bytes(one), bytes(array.array('d')) is empty)
print(b'xy' + a, b'' + one, sys.getsizeof(b'' + one))
ba += a
print(ba, sys.getsizeof(ba))
ba.extend(array.array('B', [7, 8]))
print(ba, sys.getsizeof(ba))
print(b'\x02\x01' in b, array.array('B', [2, 1]) in b, array.array('b', [9]) in b)
r = array.array('h')
r.frombytes(a.tobytes())
print(r == a, r, sys.getsizeof(r))
c = array.array('i', [1, 2])
print(c.tobytes() == bytes(c), bytearray(c) == bytearray(c.tobytes()))
ba[0:2] = array.array('b', [5, 6, 7])
print(ba, sys.getsizeof(ba))

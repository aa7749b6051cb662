# array.array's own over-allocation (array_resize): getsizeof after each
# append, for 1-, 4- and 8-byte items, and what extend/insert/+=/*=/pop,
# slice deletion and frombytes do to the allocation.
import sys, gc
import array
gc.collect()

for code in 'bid':
    a = array.array(code)
    sizes = []
    for i in range(101):
        sizes.append(sys.getsizeof(a))
        a.append(i)
    print(code, a.itemsize, sizes)

# Exact allocations: a known length.
for code in 'bBhHiIlLqQfd':
    print(code, sys.getsizeof(array.array(code)), sys.getsizeof(array.array(code, [1, 2, 3])),
          sys.getsizeof(array.array(code, (1, 2, 3, 4, 5))), sys.getsizeof(array.array(code, range(5))))

a = array.array('i', [1, 2, 3])
print(sys.getsizeof(a), sys.getsizeof(a + a), sys.getsizeof(a * 4), sys.getsizeof(3 * a), sys.getsizeof(a[1:]))
print(sys.getsizeof(a[::2]), sys.getsizeof(a[5:]), sys.getsizeof(array.array('i', a)))
a.extend([4, 5, 6, 7, 8])
print(len(a), sys.getsizeof(a))
a.extend(array.array('i', range(20)))
print(len(a), sys.getsizeof(a))
a.insert(0, -1)
print(len(a), sys.getsizeof(a))
a += array.array('i', [9] * 30)
print(len(a), sys.getsizeof(a))
a *= 3
print(len(a), sys.getsizeof(a))
# Shrinking: only when 16 or more items below the current size.
for n in (1, 10, 15, 16, 17, 40):
    b = array.array('i', range(100))
    for _ in range(n):
        b.pop()
    print('pop', n, len(b), sys.getsizeof(b))
b = array.array('i', range(100))
del b[10:90]
print(len(b), sys.getsizeof(b))
del b[0:5]
print(len(b), sys.getsizeof(b))
del b[:]
print(len(b), sys.getsizeof(b))
b.frombytes(bytes(40))
print(len(b), sys.getsizeof(b))
b.fromlist([1, 2, 3])
print(len(b), sys.getsizeof(b))
c = array.array('b', b'abcdefgh')
print(c, sys.getsizeof(c))
c = array.array('h', bytearray(b'abcd'))
print(c, sys.getsizeof(c))
c = array.array('d', [1.0]) * 0
print(c, sys.getsizeof(c))
c = array.array('i', [5] * 20)
c *= 0
print(c, sys.getsizeof(c))
c = array.array('i', [1, 2, 3, 4])
c[1:3] = array.array('i', range(10))
print(c, sys.getsizeof(c))
c[::2] = array.array('i', range(6))
print(c, sys.getsizeof(c))
del c[::3]
print(c, sys.getsizeof(c))
c[:] = c
print(c, sys.getsizeof(c))
print(c.__sizeof__(), array.array('b').__sizeof__())

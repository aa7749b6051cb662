# memoryview over array.array: the view shares the array's buffer (format,
# itemsize, nbytes, shape and strides from its typecode), items read and
# written through it with memoryview's own errors, slices with steps,
# tolist/tobytes/bytes(), and the array refusing every size change while a
# view exports its buffer, until the views are released or freed.
import array
import gc
import sys


gc.collect()

a = array.array('h', [1, -2, 300, 4])
print("refcount before", sys.getrefcount(a))
m = memoryview(a)
print("attributes", m.format, m.itemsize, m.nbytes, m.shape, m.strides, m.readonly, m.ndim,
      m.obj is a, len(m), m.contiguous)
print("refcount with view", sys.getrefcount(a), sys.getsizeof(m), gc.is_tracked(m))
print("items", m[0], m[-1], m.tolist(), m.tobytes(), bytes(m))
m[0] = 9
m[-1] = -32768
print("shared", a, a[0], m[0])
a[1] = 7
print("written by the array", m[1])
s = m[::2]
print("slice", s.tolist(), s.strides, s.nbytes, s.shape, s.contiguous, len(s), s.format)
t = m[1:3]
print("sub", t.tolist(), t.tobytes(), t.contiguous)
for value in (70000, 1.5, "x", -40000, 2**70, True):
    try:
        m[1] = value
        print("stored", m[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for index in (4, -5):
    try:
        m[index]
    except IndexError as e:
        print("IndexError", e)

for op in (lambda: a.append(1), lambda: a.pop(), lambda: a.extend([1]), lambda: a.remove(9),
           lambda: a.insert(0, 1), lambda: a.frombytes(b"ab"), lambda: a.fromlist([1])):
    try:
        op()
        print("changed", a)
    except BufferError as e:
        print("BufferError", e)
try:
    del a[0]
except BufferError as e:
    print("BufferError", e)
try:
    a += array.array('h', [1])
except BufferError as e:
    print("BufferError", e)
try:
    a *= 2
except BufferError as e:
    print("BufferError", e)
for key in (slice(1, 1), slice(5, 5, 2), slice(None, None, 2)):
    try:
        del a[key]
    except BufferError as e:
        print("BufferError (deleting)", e)
try:
    a[1:1] = array.array('h')
except BufferError as e:
    print("BufferError (empty)", e)
try:
    a[::2] = array.array('h', [1])
except BufferError as e:
    print("BufferError (extended)", e)
a *= 1
a[0:1] = array.array('h', [5])
a[::2] = array.array('h', [5, 6])
a.extend([])
print("same size allowed", a)

for code, value in (('b', 200), ('B', -1), ('i', 2**40), ('I', -1), ('l', 2**64), ('L', -1),
                    ('q', 2**64), ('Q', -1), ('f', "x"), ('d', 2**2000), ('f', 1), ('d', True)):
    view = memoryview(array.array(code, [0]))
    try:
        view[0] = value
        print(code, "stored", view[0])
    except (TypeError, ValueError) as e:
        print(code, type(e).__name__, e)
    view.release()

f = array.array('d', [1.5, 2.5, -0.0])
mf = memoryview(f)
print("doubles", mf.format, mf[1], mf.tolist(), mf.nbytes, mf.itemsize)
mf[0] = 7
print("double stored", f)
with memoryview(array.array('Q', [2**64 - 1])) as mq:
    print("unsigned", mq[0], mq.tolist())
try:
    mq.tolist()
except ValueError as e:
    print("released by with:", e)

# Releasing the views lets the array grow again.
m.release()
print("still exporting", end=" ")
try:
    a.append(1)
except BufferError as e:
    print(e)
s.release()
t.release()
a.append(11)
print("after release", a, len(a), sys.getrefcount(a))
mm = memoryview(a)
del mm
a.append(12)
print("after the view died", a)
mf.release()
print("collected", gc.collect())

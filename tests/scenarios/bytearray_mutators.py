# bytearray's insert, remove, reverse, clear and copy: the buffer's size
# after each step (growth and shrink by PyByteArray_Resize's rules), the
# values, the errors, BufferError while a memoryview exports the buffer.
import sys


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value), sys.getsizeof(value))
    except Exception as error:
        print(label, type(error).__name__, error)


ba = bytearray(b"hello")
print("start", ba, sys.getsizeof(ba))
for step in range(12):
    ba.insert(step % 3, 65 + step)
    print("insert", step, ba, sys.getsizeof(ba))
ba.insert(-100, 48)
ba.insert(100, 49)
print("clipped", ba, sys.getsizeof(ba))
while len(ba) > 3:
    ba.remove(ba[len(ba) // 2])
    print("remove", ba, sys.getsizeof(ba))
ba.reverse()
print("reversed", ba, sys.getsizeof(ba))
c = ba.copy()
print("copy", c, sys.getsizeof(c), c is ba, c == ba)
ba.clear()
print("cleared", ba, sys.getsizeof(ba))
ba.clear()
print("cleared again", ba, sys.getsizeof(ba))
show("copy empty", lambda: ba.copy())
e = bytearray()
e.clear()
print("clear new empty", sys.getsizeof(e))
e.insert(0, 1)
print("insert into empty", e, sys.getsizeof(e))
show("insert one arg", lambda: ba.insert(0))
show("insert str", lambda: ba.insert(0, "a"))
show("insert index str", lambda: ba.insert("a", 1))
show("insert 256", lambda: ba.insert(0, 256))
show("insert negative", lambda: ba.insert(0, -1))
show("remove none", lambda: ba.remove())
show("remove str", lambda: ba.remove("a"))
show("remove 300", lambda: ba.remove(300))
show("remove missing", lambda: ba.remove(90))
show("reverse arg", lambda: ba.reverse(1))
show("clear arg", lambda: ba.clear(1))
show("copy arg", lambda: ba.copy(1))
x = bytearray(b"abcdef")
view = memoryview(x)
show("insert exported", lambda: x.insert(0, 1))
show("remove exported", lambda: x.remove(97))
show("remove missing exported", lambda: x.remove(1))
show("clear exported", lambda: x.clear())
x.reverse()
print("reverse exported", x, bytes(view))
view.release()
x.clear()
print("after release", x, sys.getsizeof(x))

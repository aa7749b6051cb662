# A memoryview exports its bytearray's buffer: zero-copy slices write
# through to it, and every size change raises BufferError while any view
# registered on the managed buffer is unreleased (same-size slice
# assignment, extending by nothing and `*= 1` are allowed); release(),
# `with` and deletion end the export.
import sys

def attempt(label, action):
    try:
        action()
        print(label, 'ok')
    except BufferError as e:
        print(label, 'BufferError:', e)
    except (IndexError, ValueError, TypeError) as e:
        print(label, type(e).__name__ + ':', e)

ba = bytearray(b'abcdef')
m = memoryview(ba)
m2 = m[2:5]
m2[0] = 65
m2[-1] = 0x45
m[0:2] = b'xy'
m2[1:2] = memoryview(b'Q')
print(ba, m2.tobytes(), bytes(m[1:3]), m.obj is ba)

def grow():
    global ba
    ba += b'!'

def grow_nothing():
    global ba
    ba += b''

def repeat_once():
    global ba
    ba *= 1

def repeat_twice():
    global ba
    ba *= 2

def del_item():
    del ba[0]

def del_extended():
    del ba[::2]

def del_empty_extended():
    del ba[5:5:2]

def del_empty():
    del ba[1:1]

def assign_empty_extended():
    ba[::2] = b''

def assign_same():
    ba[0:1] = b'z'

def assign_longer():
    ba[0:1] = b'zz'

attempt('append', lambda: ba.append(1))
attempt('extend', lambda: ba.extend(b'xy'))
attempt('extend list', lambda: ba.extend([1, 2]))
attempt('extend nothing', lambda: ba.extend(b''))
attempt('extend empty list', lambda: ba.extend([]))
attempt('pop', lambda: ba.pop())
attempt('pop bad index', lambda: ba.pop(99))
attempt('+=', grow)
attempt('+= nothing', grow_nothing)
attempt('*= 1', repeat_once)
attempt('*= 2', repeat_twice)
attempt('del item', del_item)
attempt('del extended', del_extended)
attempt('del empty extended', del_empty_extended)
attempt('del empty', del_empty)
attempt('assign empty extended', assign_empty_extended)
attempt('assign same size', assign_same)
attempt('assign longer', assign_longer)
print(ba, len(ba))

# Releasing one view is not enough: the managed buffer waits for all.
m.release()
attempt('append after one release', lambda: ba.append(1))
m2.release()
attempt('append after both', lambda: ba.append(1))
print(ba)

with memoryview(ba) as w:
    w[0] = 0x41
    attempt('append inside with', lambda: ba.append(2))
attempt('append after with', lambda: ba.append(2))
print(ba)

# A view that dies ends its export too.
def scoped():
    v = memoryview(ba)
    return v[1]

print(scoped())
attempt('append after scoped', lambda: ba.append(3))

e = bytearray()
me = memoryview(e)
attempt('pop empty', lambda: e.pop())
attempt('append to empty', lambda: e.append(1))
del me
attempt('append to empty after del', lambda: e.append(1))
print(e, sys.getrefcount(e))

# Unexported, assigning nothing to an extended slice deletes it.
free = bytearray(b'abcdef')
free[::2] = b''
free[5:5:2] = b''
print(free, len(free))

# bytes exports too, and nothing can resize a bytes.
mb = memoryview(b'hello')
print(mb.readonly, mb[1], bytes(mb[1:4]), mb.tobytes())

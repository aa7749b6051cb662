# memoryview's attributes, items, slices (steps too), item and slice
# assignment with each error text, equality and hash, and every operation
# on a released view.

def attempt(label, action):
    try:
        print(label, action())
    except (IndexError, ValueError, TypeError, BufferError) as e:
        print(label, type(e).__name__ + ':', e)

b = b'abcdefgh'
ba = bytearray(b)
m = memoryview(ba)
mb = memoryview(b)
for v in (m, mb, m[1:7:2], mb[::-1], m[3:3], m[::-3]):
    print(len(v), v.nbytes, v.readonly, v.itemsize, v.format, v.ndim, v.shape, v.strides,
          v.suboffsets, v.contiguous, v.c_contiguous, v.f_contiguous, v.tolist())
print(type(m).__name__, isinstance(m, memoryview), type(m) is memoryview, bool(m), bool(m[:0]))
print(m[0], m[-1], m[True], m[-8], mb[3], m[2:6][1], m[::2][-1], m[::-1][0], m[1:][1:][1:][0])

attempt('get 8', lambda: m[8])
attempt('get -9', lambda: m[-9])
attempt('get big', lambda: m[2 ** 70])
attempt('get str', lambda: m['a'])
attempt('get float', lambda: m[1.5])
attempt('get None', lambda: m[None])
attempt('step zero', lambda: m[::0])
attempt('huge slice', lambda: len(m[-100:100]))
attempt('memoryview()', lambda: memoryview())
attempt('memoryview(1)', lambda: memoryview(1))
attempt('memoryview(str)', lambda: memoryview('ab'))
attempt('memoryview(list)', lambda: memoryview([1]))
attempt('memoryview(a, b)', lambda: memoryview(b, b))

def setter(view, key, value):
    def run():
        view[key] = value
        return bytes(ba)
    return run

def deleter(view, key):
    def run():
        del view[key]
    return run

attempt('set 0', setter(m, 0, 65))
attempt('set -1', setter(m, -1, 72))
attempt('set True', setter(m, 1, True))
attempt('set 256', setter(m, 0, 256))
attempt('set -1 value', setter(m, 0, -1))
attempt('set big value', setter(m, 0, 2 ** 80))
attempt('set float', setter(m, 0, 1.5))
attempt('set bytes', setter(m, 0, b'a'))
attempt('set index 8', setter(m, 8, 1))
attempt('set str key', setter(m, 'x', 1))
attempt('set read-only', setter(mb, 0, 1))
attempt('set read-only slice', setter(mb, slice(0, 1), b'x'))
attempt('del item', deleter(m, 0))
attempt('del read-only', deleter(mb, 0))
attempt('slice same', setter(m, slice(1, 3), b'XY'))
attempt('slice shorter', setter(m, slice(1, 3), b'X'))
attempt('slice longer', setter(m, slice(1, 3), b'XYZ'))
attempt('slice list', setter(m, slice(1, 3), [1, 2]))
attempt('slice int', setter(m, slice(1, 3), 5))
attempt('slice str', setter(m, slice(1, 3), 'ab'))
attempt('slice from view', setter(m, slice(4, 6), mb[0:2]))
attempt('slice overlap', setter(m, slice(1, 5), m[0:4]))
attempt('slice step', setter(m, slice(0, 8, 3), b'123'))
attempt('slice step short', setter(m, slice(0, 8, 3), b'12'))
attempt('slice reversed', setter(m, slice(None, None, -1), bytearray(b'87654321')))
attempt('slice from strided', setter(m, slice(0, 2), mb[::4]))
attempt('slice step zero', setter(m, slice(None, None, 0), b''))

print(m == ba, m == b, mb == b, mb == b'abcdefgX', mb == mb[:], mb[::2] == b'aceg',
      mb == [97], mb == 5, b == mb, ba == m, mb != b, m[:0] == b'')
attempt('lt', lambda: mb < mb)
print(hash(mb) == hash(b), hash(mb[2:5]) == hash(b'cde'), hash(mb) == hash(mb))
attempt('hash writable', lambda: hash(m))
print({mb: 1}[b], b in {mb})

r = memoryview(b)
h = hash(r)
r.release()
r.release()
print(hash(r) == h, r == r, r == b, repr(r)[:17])
for name in ('obj', 'nbytes', 'readonly', 'itemsize', 'format', 'ndim', 'shape', 'strides',
             'suboffsets', 'contiguous', 'c_contiguous', 'f_contiguous'):
    attempt(name, lambda: getattr(m[:], name) and getattr(r, name))
attempt('len', lambda: len(r))
attempt('bool', lambda: bool(r))
attempt('item', lambda: r[0])
attempt('slice', lambda: r[0:1])
attempt('tobytes', lambda: r.tobytes())
attempt('tolist', lambda: r.tolist())
attempt('bytes', lambda: bytes(r))
attempt('bytearray', lambda: bytearray(r))
attempt('memoryview', lambda: memoryview(r))
attempt('set', setter(r, 0, 1))
attempt('enter', lambda: r.__enter__())
attempt('exit', lambda: r.__exit__(None, None, None))
attempt('hash of released writable', lambda: hash(memoryview(ba).__exit__() or 0))
w = memoryview(ba)
w.release()
attempt('hash released writable', lambda: hash(w))
with memoryview(b) as inside:
    print(inside.tobytes(), inside is not None)
attempt('after with', lambda: inside[0])

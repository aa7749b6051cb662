# array.array items: indexing, slicing, item assignment and conversion
# errors per typecode (CPython's OverflowError texts), repr, comparisons,
# search methods and the sequence operators' TypeErrors.
import sys, gc
import array
gc.collect()

def setitem(a, k, v):
    a[k] = v

def delitem(a, k):
    del a[k]

def iadd(a, b):
    a += b
    return a

def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except (OverflowError, TypeError, ValueError, IndexError, MemoryError) as e:
        print(label, type(e).__name__, e)

limits = {'b': (-128, 127), 'B': (0, 255), 'h': (-32768, 32767), 'H': (0, 65535),
          'i': (-2**31, 2**31 - 1), 'I': (0, 2**32 - 1), 'l': (-2**63, 2**63 - 1),
          'L': (0, 2**64 - 1), 'q': (-2**63, 2**63 - 1), 'Q': (0, 2**64 - 1)}
for code in 'bBhHiIlLqQ':
    lo, hi = limits[code]
    a = array.array(code, [lo, hi])
    print(code, a, a[0], a[1], a.tolist())
    for v in (lo - 1, hi + 1, -2**40, 2**40, -2**70, 2**70):
        attempt(code + ' ' + str(v), lambda: array.array(code, [v]))
    attempt(code + ' set', lambda: setitem(a, 0, hi + 1))
    print(a)
    attempt(code + ' append', lambda: a.append(lo - 1))
    print(len(a), sys.getsizeof(a))

for code in 'fd':
    a = array.array(code, [1, 2.5, 0.1, -0.0, True])
    print(code, a, a[2], a.tolist())
    attempt(code + ' str', lambda: a.append('x'))
    attempt(code + ' None', lambda: array.array(code, [None]))
    attempt(code + ' big', lambda: a.append(10**400))

u = array.array('b', [1, 2, 3, 4, 5, 6])
print(u[0], u[-1], u[1:4], u[::-2], u[10:], u[-100:2])
attempt('index', lambda: u[6])
attempt('index -7', lambda: u[-7])
attempt('index str', lambda: u['a'])
attempt('set index', lambda: setitem(u, 6, 1))
attempt('set str', lambda: setitem(u, 'a', 1))
attempt('del index', lambda: delitem(u, 9))
attempt('slice list', lambda: setitem(u, slice(0, 2), [1, 2]))
attempt('slice kind', lambda: setitem(u, slice(0, 2), array.array('h', [1])))
attempt('ext slice', lambda: setitem(u, slice(0, 6, 2), array.array('b', [1])))
attempt('concat list', lambda: u + [1])
attempt('concat kind', lambda: u + array.array('h'))
attempt('iadd list', lambda: iadd(u, [1]))
attempt('iadd kind', lambda: iadd(u, array.array('h')))
attempt('extend kind', lambda: u.extend(array.array('h', [1])))
attempt('mul str', lambda: u * 'x')
attempt('pop empty', lambda: array.array('i').pop())
attempt('pop range', lambda: u.pop(10))
attempt('remove', lambda: u.remove(99))
attempt('index', lambda: u.index(99))
attempt('frombytes', lambda: array.array('i').frombytes(b'abc'))
attempt('fromlist', lambda: u.fromlist((1, 2)))
attempt('hash', lambda: hash(u))
attempt('lt int', lambda: u < 3)
attempt('bad code', lambda: array.array('x'))
attempt('long code', lambda: array.array('ii'))
attempt('int code', lambda: array.array(3))
attempt('no args', lambda: array.array())
attempt('str init', lambda: array.array('i', 'abc'))
attempt('bytes init', lambda: array.array('i', b'abc'))
attempt('not iterable', lambda: array.array('i', 5))
attempt('three args', lambda: array.array('i', [], 1))
print(u.count(3), u.index(4), 3 in u, 9 in u, u.remove(3), u)
print(u.pop(), u.pop(0), u.pop(-2), u)
u.insert(-100, 7)
u.insert(100, 8)
u.insert(1, 9)
print(u, len(u), bool(u), bool(array.array('b')))
u.reverse()
print(u, list(u), tuple(u), sum(u), max(u), sorted(u))
x = array.array('i', [1, 2, 3])
print(x == array.array('i', [1, 2, 3]), x == array.array('d', [1.0, 2.0, 3.0]), x == [1, 2, 3])
print(x != array.array('b', [1, 2]), x < array.array('i', [1, 2, 4]), x > array.array('d', [1, 2]))
print(x <= array.array('Q', [1, 2, 3]), x >= array.array('i', [2]), x < array.array('i', [1, 2, 3, 0]))
print(array.array('Q', [2**64 - 1]) > array.array('q', [-1]), array.array('d', [0.5]) < array.array('i', [1]))
print(repr(array.array('f', [0.1, 1e10])), str(array.array('d', [1e100, -2.5, 0.0])))
print(array.array('h', [1, 2]).tobytes(), array.array('b', [65]).tobytes(), array.array('b').tobytes())
s = array.array('H', [1, 2, 256])
s.byteswap()
print(s, s.itemsize, s.typecode, x.typecode, x.itemsize)
print(type(x), type(x).__name__, array.ArrayType is array.array, type(x) is array.array)
print(isinstance(x, array.array))
# Argument errors: each method's calling convention and name (qualified
# by "array." from 3.10; extend takes its defining class from 3.10).
def bad_call(label, f):
    try:
        f()
    except TypeError as e:
        print(label, e)

w = array.array('i', [1, 2])
bad_call('append0', lambda: w.append())
bad_call('append2', lambda: w.append(1, 2))
bad_call('pop2', lambda: w.pop(1, 2))
bad_call('insert1', lambda: w.insert(1))
bad_call('tolist1', lambda: w.tolist(1))
bad_call('extend0', lambda: w.extend())
bad_call('count0', lambda: w.count())
bad_call('kw', lambda: array.array(typecode='i'))
bad_call('append kw', lambda: w.append(x=1))
bad_call('pop str', lambda: w.pop('x'))
bad_call('fromlist', lambda: w.fromlist(1))

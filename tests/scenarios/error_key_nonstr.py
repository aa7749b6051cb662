import sys, gc
gc.collect()
d = {1: 'one', 'k': 2}
s = {1, 2}
for key in [2.5, (9, 8), 3, 'x', None, -1, 10 ** 20, 'a\\b', "it's", b'q', frozenset(), ()]:
    try:
        d[key]
    except KeyError as e:
        print(e, repr(e), e.args, type(e.args[0]).__name__, e.args[0] is key)
k = (7, 'seven')
before = sys.getrefcount(k)
try:
    d.pop(k)
except KeyError as e:
    print('pop', e, e.args[0] is k, sys.getrefcount(k) - before)
print('after handler', sys.getrefcount(k) - before)
try:
    s.remove(4.5)
except KeyError as e:
    print('remove', e, repr(e))
try:
    d[1.5 + len(d)]
except KeyError as e:
    print('temp key', e, sys.getrefcount(e.args[0]))
d[(9, 8)]

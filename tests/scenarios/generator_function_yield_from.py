# 'yield from': delegating to lists, generators and generator expressions,
# values sent through to a delegate generator, the iterator kept on the
# frame's stack (refcounts), frame sizes; a StopIteration leaving a body is
# a RuntimeError (PEP 479).
import sys
import gc


def inner(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            print('inner got', got)
        i += 1


def outer(items):
    yield 'start'
    yield from items
    yield from inner(2)
    x = yield from (c * 2 for c in 'ab')
    yield x


def relay():
    yield from inner(3)


def chain(*parts):
    for part in parts:
        yield from part


def stops(it):
    yield next(it)
    yield next(it)


gc.collect()
print(list(outer([1, 2])))
o1 = outer([])
r1 = relay()
print(sys.getsizeof(o1) > 0, sys.getsizeof(r1) > 0, len(list(o1)), len(list(r1)))
r = relay()
print(next(r), r.send('a'), r.send('b'))
print(list(r))
print(list(chain([1], (2, 3), inner(2), 'xy')))
payload = [7]
c = chain(payload)
print(sys.getrefcount(payload), next(c), sys.getrefcount(payload))
print(list(c), sys.getrefcount(payload))
try:
    for v in stops(iter([1])):
        print(v)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    list(outer(5))
except TypeError as e:
    print('TypeError:', e)
gens = [outer([]), relay(), chain(), stops(iter([1, 2]))]
print([sys.getsizeof(g) for g in gens])
for g in gens:
    list(g)

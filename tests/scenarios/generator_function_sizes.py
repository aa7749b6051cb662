# Generators from generator functions: a fixed size before 3.11; from 3.11
# the frame they embed (parameters, locals, cells and the body's value
# stack: calls, keywords, method calls, nested loops, displays, f-strings).
import sys
import gc


def one(a):
    yield a


def bare():
    yield


def pair(a, b):
    for i in a:
        for j in b:
            yield i, j


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def calls(a, b, c):
    yield f(g(h(a)))


def keywords(a):
    yield dict(x=a, y=1)


def methods(a, b):
    yield a.count(b)
    yield a.index(b, 0, 2)


def receiver(a):
    x = yield a
    y = z = yield x
    yield y, z


def displays(a, b, c):
    yield [a, b, c]
    yield {'x': a, 'y': b}
    yield {b: a}
    yield a[1:2]
    yield a, b, c


def fstrings(a, b):
    yield f'{a}-{b:>4}'


def chains(a, b, c):
    if a < b < c and not a:
        yield a if b else c
    yield -a


def ranges(n):
    for i in range(1, n, 2):
        yield print(i, n, sep='')


def unpack(pairs):
    for k, v in pairs:
        x, y = k, v
        yield x + y


def raising(a):
    yield a
    raise ValueError(a)


def deleting(a):
    b = a
    del a
    yield b
    return


def f(x):
    return x


g = h = f
gc.collect()
for gen in [one(1), bare(), pair([1], [2]), counter(3), calls(1, 2, 3), keywords(1),
            methods([1, 2], 1), receiver(1), displays([1, 2], 2, 3), fstrings(1, 2),
            chains(1, 2, 3), ranges(4), unpack([]), raising(1), deleting(1)]:
    n = 0
    try:
        for item in gen:
            n += 1
    except ValueError:
        n = -n
    print(sys.getsizeof(gen), n)

# Generator functions whose bodies define functions and lambdas (defaults,
# constant defaults, closures) and assert: the frame sizes CPython's compilers
# give them; generator expressions making lambdas.
import sys
import gc


def nested(a, b):
    def inner():
        return a
    def plain(x=1, y=2):
        return x
    def mixed(x=a, y=b):
        return b
    yield inner() + plain() + mixed()


def lambdas(a, b):
    key = lambda item: item[0]
    yield sorted([(b, 1), (a, 2)], key=key)
    yield list(map_like(lambda x: x + a, [1, 2]))


def map_like(func, items):
    for item in items:
        yield func(item)


def checks(a, b):
    assert a
    assert a < b, 'order'
    yield a
    yield b


gc.collect()
for gen in [nested(1, 2), lambdas(1, 2), checks(1, 2), map_like(str, [1])]:
    print(sys.getsizeof(gen), list(gen))
base = [1, 2, 3]
print([sys.getsizeof(g) for g in [(lambda: x for x in base), (f(x) for x in base for f in [lambda y: y, len]),
                                    ((lambda z=x: z) for x in base)]])
print(sum((lambda: x)() for x in base), [f() for f in ((lambda y=x: y) for x in base)])

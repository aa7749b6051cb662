import gc
import sys


def one(a):
    return sys.getrefcount(a)


def with_default(a, b=None):
    return sys.getrefcount(a)


def keep_default(a, memo=[]):
    memo.append(a)
    return len(memo)


def star(*args):
    return sys.getrefcount(args[0]), len(args)


def kw(**kwargs):
    return sys.getrefcount(kwargs["a"]), len(kwargs)


def mixed(a, *rest, **named):
    return sys.getrefcount(a), len(rest), sorted(named)


def returns(a):
    b = a
    return b


gc.collect()
# where references live during calls of different shapes
x = [1, 2, 3]
base = sys.getrefcount(x)
print(base)
print(one(x) - base, with_default(x) - base, with_default(x, x) - base)
print(one(a=x) - base, star(x)[0] - base, star(x, x, x)[0] - base)
print(kw(a=x)[0] - base, mixed(x, 1, 2, k=3)[0] - base, mixed(x, 1, 2, k=3)[1:])
print(star(*[x, x])[0] - base, star(*(x,))[0] - base)
f = lambda v: sys.getrefcount(v)
print(f(x) - base, (lambda v, w: sys.getrefcount(v))(x, x) - base)
print(sys.getrefcount(x) - base)
print(keep_default(x), keep_default(x), sys.getrefcount(x) - base)
r = returns(x)
print(sys.getrefcount(x) - base, r is x)
del r
print(sys.getrefcount(x) - base)
print(sorted([x, x], key=lambda v: len(v)) == [x, x], sys.getrefcount(x) - base)
print(max([x], key=len) is x, min(x), sys.getrefcount(x) - base)

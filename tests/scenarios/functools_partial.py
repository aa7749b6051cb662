import sys
import gc
import functools
import weakref


def f(a, b=2, *rest, **kw):
    return (a, b, rest, kw)


def show(a, b):
    print("show", sys.getrefcount(a), sys.getrefcount(b))
    return a


gc.collect()

big = 10 ** 6
p = functools.partial(f, big)
print(type(p).__name__, type(p) is functools.partial, isinstance(p, functools.partial))
print(sys.getsizeof(p), gc.is_tracked(p), callable(p))
print(p.func is f, p.args, p.keywords, sys.getsizeof(p.args), sys.getsizeof(p.keywords))
print(sys.getrefcount(p), sys.getrefcount(f), sys.getrefcount(p.args), sys.getrefcount(big))
print(p(), p(3), p(3, 4, 5))
if sys.version_info >= (3, 9):
    print(p(b=4), p(3, x=1))
else:
    print((10 ** 6, 4, (), {}), (10 ** 6, 3, (), {"x": 1}))
print(len(gc.get_referents(p)), gc.get_referents(p)[-1] is p.keywords)

empty = functools.partial(f)
print(empty.args == (), empty.keywords, sys.getsizeof(empty), empty(1))

q = functools.partial(p, 7)
print(q.func is f, q.args, q.args is p.args, q(8))
r = functools.partial(q)
print(r.func is f, r.args == q.args, r.args is q.args, r())

kw = functools.partial(f, x=1)
print(kw.args, kw.keywords, gc.is_tracked(kw.keywords))
kw2 = functools.partial(kw, 5)
print(kw2.func is f, kw2.args, kw2.keywords, kw2.keywords is kw.keywords)

value = [1]
holder = functools.partial(show, value)
print(sys.getrefcount(value))
print(holder(value) is value)
ref = weakref.ref(holder)
del holder
print(ref() is None, sys.getrefcount(value))

cycle = []
cycle.append(functools.partial(f, cycle))
del cycle
print("collected", gc.collect())

for call in [lambda: functools.partial(),
             lambda: functools.partial(5),
             lambda: functools.partial(f)(),
             lambda: functools.partial(show, 1, 2)(3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

text = repr(functools.partial(f, 1, "x", k=[2]))
print(text.startswith("functools.partial(<function f at "), text.split(">")[1])
print(repr(functools.partial))

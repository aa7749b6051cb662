# f.__code__'s counts and flags for each kind of signature: co_argcount,
# co_posonlyargcount, co_kwonlyargcount, co_nlocals, co_varnames (keyword-only
# parameters before *args and **kwargs), co_flags (varargs, varkeywords,
# nested, generator, and CO_NOFREE before 3.11), co_firstlineno (a decorated
# function's first decorator), lambdas' co_name and 3.11+'s co_qualname.
import sys
import gc


def deco(func):
    return func


def g(a, b=2, *args, c, **kw):
    "doc"
    z = a + 1
    return len("hello") + z


@deco
@deco
def h(p, /, q, *, r=1):
    return p


def gen(n):
    for i in range(n):
        yield i


class Shape:
    def area(self):
        return 0

    def describe(self):
        return super().area()


def factory():
    class Local:
        def method(self):
            return 1
    return Local, lambda v: v


gc.collect()
for func in [g, h, gen, Shape.area, Shape.describe, factory, deco]:
    c = func.__code__
    print(c.co_name, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals,
          c.co_flags, c.co_firstlineno)
    print(" ", c.co_varnames, c.co_cellvars, c.co_freevars)
Local, lam = factory()
print(Local.method.__code__.co_flags, lam.__code__.co_name, lam.__code__.co_flags,
      lam.__code__.co_firstlineno)
square = lambda x, *rest: x * x
print(square.__code__.co_name, square.__code__.co_varnames, square.__code__.co_flags,
      square.__code__.co_firstlineno)
try:
    print(g.__code__.co_qualname, lam.__code__.co_qualname, Local.method.__code__.co_qualname)
except AttributeError as e:
    print("AttributeError:", e)

# f.__code__ of closures: the names a function keeps as locals, cells and
# free variables (co_varnames, co_cellvars: captured parameters first from
# 3.11, co_freevars sorted by name), the closure's cells in co_freevars'
# order, a name passed through a middle function, and one code object shared
# by every closure made from it (sys.getrefcount counts each function).
import sys
import gc


def outer():
    x = [1, 2]
    y = "unused"
    def inner():
        return x
    return inner


def counter(start, step):
    total = start
    zeta = [step]
    alpha = {}
    def bump():
        nonlocal total
        total += zeta[0] + len(alpha) + step
        return total
    return bump


def three(n):
    def middle():
        def leaf():
            return n
        return leaf
    return middle


gc.collect()
f = outer()
print(f.__code__.co_freevars, outer.__code__.co_cellvars, outer.__code__.co_varnames)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_nlocals, outer.__code__.co_nlocals)
print(f.__closure__[0].cell_contents)
b = counter(10, 5)
code = b.__code__
print(code.co_freevars, counter.__code__.co_cellvars, counter.__code__.co_varnames)
print([c.cell_contents for c in b.__closure__], b(), b())
print(code.co_varnames, code.co_nlocals, code.co_argcount, code.co_cellvars)
m = three(7)
print(three.__code__.co_cellvars, m.__code__.co_freevars, m.__code__.co_cellvars,
      m().__code__.co_freevars)
print(m()(), m().__code__.co_varnames, m.__code__.co_varnames)
print(type(code).__name__, code is b.__code__, b.__code__ is counter(0, 1).__code__)
print(sys.getrefcount(code))
others = [counter(i, i) for i in range(3)]
print(sys.getrefcount(code))
del others
print(sys.getrefcount(code), gc.is_tracked(code))
del b
print(sys.getrefcount(code))
try:
    print(code.co_qualname, outer.__code__.co_qualname)
except AttributeError as e:
    print("AttributeError:", e)

# The with statement over a program's context managers: the bound __enter__
# and __exit__ CPython makes (the manager kept alive by the bound __exit__
# for the block), references inside each, several items, leaving by return,
# break and continue, the generation-0 count, and the errors of objects
# without the protocol (AttributeError before 3.11, TypeError after).
import sys
import gc
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name, sys.getrefcount(self))
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, sys.getrefcount(self), t, v, tb is None)
        return False
gc.collect()
cm = CM("a")
with cm as x:
    print("body", x, sys.getrefcount(cm))
with CM("b"):
    print("body2")
with CM("c") as c, CM("d") as d:
    print("body3", c, d)
def f():
    with CM("e") as e:
        return e
print(f())
for i in range(2):
    with CM("l%d" % i):
        if i == 0:
            continue
        break
class Quiet:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return None
q = Quiet()
with q:
    pass
gc.collect()
c0 = gc.get_count()[0]
with q:
    c1 = gc.get_count()[0]
c2 = gc.get_count()[0]
with Quiet() as fresh:
    c3 = gc.get_count()[0]
c4 = gc.get_count()[0]
print("gc", c1 - c0, c2 - c0, c3 - c0, c4 - c0)
class NoEnter:
    def __exit__(self, *a): pass
class NoExit:
    def __enter__(self): return 1
for k in (NoEnter, NoExit, int):
    try:
        with k():
            pass
    except Exception as e:
        print(type(e).__name__, e)

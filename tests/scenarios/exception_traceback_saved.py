# An exception object kept after its handler keeps its traceback, and with it
# the frames it passed and their locals: `saved = e`, `errors.append(e)`,
# each freed innermost frame first when the exception goes (the classic
# leak lesson). gc counts include the traceback (and 3.11+ frame) objects.
import gc
import sys


class Big:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Big freed", self.n)


def work(n):
    data = Big(n)
    raise ValueError("boom %d" % n)


def middle(n):
    tmp = Big(n + 100)
    work(n)


def collect(k):
    errs = []
    for i in range(k):
        try:
            middle(i)
        except ValueError as e:
            errs.append(e)
    n = len(errs)
    errs = None
    print("collected", n)
    return n


gc.collect()
a = gc.get_count()
saved = None
try:
    work(1)
except ValueError as e:
    saved = e
    print("handler", sys.getrefcount(e))
b = gc.get_count()
print("after handler", a, b, sys.getrefcount(saved), saved.args)
saved = None
print("cleared", gc.get_count())
errors = []
for i in range(3):
    try:
        middle(i)
    except ValueError as e:
        errors.append(e)
print("kept", len(errors), gc.get_count())
del errors[1]
print("deleted one", gc.get_count())
errors.clear()
print("cleared all", gc.get_count())
print(collect(2), gc.get_count())
gc.collect()
try:
    work(7)
except ValueError as e:
    first = e
print(gc.collect(), gc.get_count())
del first
print("end", gc.get_count())

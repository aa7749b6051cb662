# What frees a kept exception's frames: the exception going, or
# `e.__traceback__ = None` after the handler; `__traceback__` of an exception
# never raised; sys.exc_info() and (3.11+) sys.exception() outside handlers,
# and sys.exception() inside nested handlers and in functions they call.
import gc
import sys


class Big:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Big freed", self.n)


def work(n):
    data = Big(n)
    raise KeyError(n)


HAS_EXCEPTION = hasattr(sys, "exception")


def current():
    if HAS_EXCEPTION:
        e = sys.exception()
        return None if e is None else type(e).__name__
    return "n/a"


gc.collect()
print(sys.exc_info(), current())
fresh = ValueError("never raised")
print(fresh.__traceback__)
fresh.__traceback__ = None
try:
    fresh.__traceback__ = 5
except TypeError as t:
    print("TypeError:", t)
try:
    del fresh.__traceback__
except TypeError as t:
    print("TypeError:", t)
try:
    work(1)
except KeyError as e:
    kept = e
    print("handler", current())
    try:
        [][0]
    except IndexError:
        print("nested", current())
    print("back", current())
print("after", current(), sys.exc_info())
print("count", gc.get_count())
kept.__traceback__ = None
print("traceback dropped", gc.get_count(), kept.args)
kept.__traceback__ = None
del kept
print("kept gone")
saved = []
for i in range(2, 4):
    try:
        work(i)
    except KeyError as e:
        saved.append(e)
print(len(saved), gc.get_count())
for e in saved:
    e.__traceback__ = None
print("all dropped", gc.get_count())
del e
saved = None
print("end", sys.exc_info(), current())

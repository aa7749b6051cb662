# A raised exception object is the one its handler binds; exc_info holds a
# reference to it while the handler runs.
import sys


def fail(x):
    raise KeyError(x)


a = object()
try:
    fail(a)
except KeyError as k:
    print(k.args[0] is a)
    print(sys.getrefcount(k))
try:
    raise ValueError("boom")
except ValueError as e:
    print(type(e).__name__, e.args, sys.getrefcount(e))
try:
    try:
        raise IndexError("inner")
    except IndexError:
        raise
except IndexError as e:
    print("re-raised", e)

# The traceback of an exception keeps the frames it left, and their locals,
# alive until the handler ends: a weak reference and __del__ show when.
import sys
import weakref


class Big:
    def __del__(self):
        print("del Big")


refs = []


def fail(x):
    big = Big()
    refs.append(weakref.ref(big))
    raise ValueError("boom")


def middle(x):
    try:
        fail(x)
    except ValueError:
        raise KeyError("k")


held = []
print(sys.getrefcount(held))
try:
    fail(held)
except ValueError:
    print("handler", sys.getrefcount(held), refs[0]() is not None)
print("after", sys.getrefcount(held), refs[0]() is None)
try:
    middle(held)
except KeyError:
    print("context", sys.getrefcount(held))
print("after context", sys.getrefcount(held))
for i in range(2):
    try:
        fail(held)
    except ValueError:
        pass
    print("loop", sys.getrefcount(held))


def swallow():
    try:
        fail(held)
    finally:
        print("finally", sys.getrefcount(held))


try:
    swallow()
except ValueError:
    print("caught", sys.getrefcount(held))
print("end", sys.getrefcount(held))

# An exception of the script's classes on its way to a handler: out of a
# generator's body, a comprehension, a function map() calls, a finally
# block and a bare `raise`, keeping its object (type, message, attributes)
# and freeing it at the handler's end.
import sys, gc


class E(ValueError):
    def __init__(self, text, code=0):
        super().__init__(text)
        self.code = code


def gen():
    yield 1
    raise E("from gen", 1)


def listed():
    return [x for x in gen()]


def fail(v):
    raise E("map", v)


gc.collect()
try:
    for x in gen():
        pass
except E as e:
    print("for", e, e.code, type(e).__name__)
try:
    listed()
except ValueError as e:
    print("comprehension", repr(e), e.code)
try:
    list(map(fail, [2, 3]))
except E as e:
    print("map", e, e.code)
try:
    try:
        raise E("inner", 4)
    finally:
        print("finally")
except E as e:
    print("after finally", e, e.code)
try:
    try:
        raise E("first", 5)
    except E:
        raise
except Exception as e:
    print("reraised", e, e.code, sys.getrefcount(e))
marker = []
try:
    list(map(fail, [marker]))
except E as e:
    print(sys.getrefcount(marker))
print(sys.getrefcount(marker))

# `raise X from Y` and `raise X from None`: the raised exception, causes given
# as instances, classes or None, a cause that is not an exception, and an
# uncaught chained exception (exit 1; its last traceback line on stderr).
import gc
import sys


def lookup(table, key):
    try:
        return table[key]
    except KeyError as err:
        raise ValueError(f"no entry {key!r}") from err


def parse(text):
    try:
        return int(text)
    except ValueError:
        raise TypeError("not a number") from None


gc.collect()
table = {"a": [1, 2]}
print(lookup(table, "a"), sys.getrefcount(table["a"]))
try:
    lookup(table, "b")
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    parse("x1")
except TypeError as e:
    print(type(e).__name__, e.args)
print(parse("12") + 1)
try:
    raise ValueError from KeyError
except ValueError as e:
    print(repr(e))
try:
    raise IndexError("i") from KeyError("k")
except IndexError as e:
    print(repr(e))
try:
    raise ValueError("v") from 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise 5 from None
except TypeError as e:
    print("TypeError:", e)
for key in ["a", "b"]:
    try:
        print(len(lookup(table, key)))
    except ValueError as e:
        print("caught", e)
print(sys.getrefcount(table["a"]))
lookup(table, "missing")

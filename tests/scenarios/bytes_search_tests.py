# bytes and bytearray searches and tests: count, find, rfind, index,
# rindex, startswith, endswith with bytes, bytearray and int needles and
# slice bounds; isdigit, isalpha, isalnum, isspace, islower, isupper,
# isascii; the argument errors per version.
import sys


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value), sys.getsizeof(value))
    except Exception as error:
        print(label, type(error).__name__, error)


b = b"hello world, hello"
ba = bytearray(b)
show("count", lambda: b.count(b"l"))
show("count int", lambda: b.count(108))
show("count bytearray", lambda: b.count(bytearray(b"lo")))
show("count empty", lambda: b.count(b""))
show("count range", lambda: b.count(b"l", 4, 10))
show("count negative", lambda: b.count(b"l", -5))
show("count None bounds", lambda: b.count(b"l", None, None))
show("count str", lambda: b.count("l"))
show("count float", lambda: b.count(1.5))
show("count 300", lambda: b.count(300))
show("count bound str", lambda: b.count(b"a", "x"))
show("count none", lambda: b.count())
show("count four", lambda: b.count(b"a", 1, 2, 3))
show("find", lambda: b.find(b"o"))
show("find missing", lambda: b.find(b"z"))
show("find int", lambda: b.find(32))
show("find from", lambda: b.find(b"hello", 1))
show("find window", lambda: b.find(b"world", 0, 8))
show("rfind", lambda: b.rfind(b"o"))
show("rfind range", lambda: b.rfind(b"l", 0, 5))
show("index", lambda: b.index(b"w"))
show("index missing", lambda: b.index(b"z"))
show("rindex", lambda: b.rindex(b"hello"))
show("rindex missing", lambda: b.rindex(b"z"))
show("bytearray index", lambda: ba.index(b"z"))
show("bytearray find", lambda: ba.find(b"world"))
show("bytearray count", lambda: ba.count(b"l"))
show("find none", lambda: b.find())
show("index none", lambda: ba.index())
show("startswith", lambda: b.startswith(b"he"))
show("startswith tuple", lambda: b.startswith((b"x", b"he")))
show("startswith tuple miss", lambda: b.startswith((b"x", b"y")))
show("startswith from", lambda: b.startswith(b"world", 6))
show("startswith str", lambda: b.startswith("he"))
show("startswith tuple str", lambda: b.startswith((b"x", "he")))
show("endswith", lambda: b.endswith(b"llo"))
show("endswith window", lambda: b.endswith(b"world", 0, 11))
show("endswith int", lambda: b.endswith(1))
show("endswith none", lambda: b.endswith())
show("endswith four", lambda: b.endswith(b"a", 1, 2, 3))
show("bytearray startswith", lambda: ba.startswith(bytearray(b"hell")))
for value in (b"123", b"", b"abc", b"a1", b" \t\n", b"ABC", b"aBc", b"a1b", b"\x80", b"A1"):
    print(value, value.isdigit(), value.isalpha(), value.isalnum(), value.isspace(),
          value.islower(), value.isupper(), value.isascii())
show("isdigit arg", lambda: b.isdigit(1))
show("bytearray isalpha", lambda: bytearray(b"ab").isalpha())

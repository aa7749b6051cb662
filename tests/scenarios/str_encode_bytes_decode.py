# str.encode and bytes.decode with UTF-8, ASCII and Latin-1: result types
# and sizes, the shared empty and one-byte/one-character objects, each
# call a new object, and argument errors per version.
import gc
import sys

gc.collect()


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value), sys.getsizeof(value))
    except Exception as error:
        print(label, type(error).__name__, error)


show("ascii", lambda: "abc".encode())
show("empty", lambda: "".encode())
show("e-acute", lambda: "\u00e9".encode())
show("euro", lambda: "\u20ac".encode("utf-8"))
show("emoji", lambda: "a\U0001f600".encode("UTF-8"))
show("mixed", lambda: ("caf\u00e9 " * 20).encode())
show("named ascii", lambda: "abc".encode("ascii"))
show("utf8 spelling", lambda: "abc".encode("UTF8"))
show("keyword", lambda: "abc".encode(encoding="utf_8"))
show("latin-1", lambda: "caf\u00e9".encode("latin-1"))
show("errors ignored", lambda: "abc".encode("utf-8", "ignore"))
show("decode", lambda: b"abc".decode())
show("decode ascii", lambda: b"xyz".decode("ascii"))
show("decode bytearray", lambda: bytearray(b"xy").decode())
show("decode latin-1", lambda: b"caf\xe9".decode("latin-1"))
show("decode latin-1 one", lambda: b"\xe9".decode("latin-1"))
show("decode keywords", lambda: b"a".decode(encoding="ascii", errors="strict"))
print("one byte shared", "z".encode() is b"z", "z".encode() is "z".encode())
print("empty shared", "".encode() is b"", b"".decode() is "")
print("latin-1 char shared", b"\xe9".decode("latin-1") is "\u00e9")
s = "hello"
b1 = s.encode()
b2 = s.encode()
print("fresh each call", b1 is b2, b1 == b2, sys.getrefcount(b1))
t1 = b1.decode()
print("round trip", t1 == s, t1 is s)
show("encoding int", lambda: "a".encode(1))
show("errors None", lambda: "a".encode(errors=None))
show("three", lambda: "a".encode("utf-8", "strict", 3))
show("bad keyword", lambda: "a".encode(x=1))
show("decode encoding int", lambda: b"a".decode(1))
show("decode three", lambda: b"a".decode("utf-8", "strict", 1))

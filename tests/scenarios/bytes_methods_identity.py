# bytes and bytearray methods: which results are the object itself (an
# exact bytes object unchanged by strip, replace, split or a one-item
# join), which the shared empty or one-byte bytes, which new objects, and
# their sizes; a bytearray's results are always new bytearrays.
import sys


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value), sys.getsizeof(value))
    except Exception as error:
        print(label, type(error).__name__, error)


b = b"hello world"
ba = bytearray(b"hello world")
one_a = b"xa"[1:]
empty = b""
print("strip same", b.strip() is b, b.lstrip() is b, b.rstrip() is b, b.strip(b"z") is b)
print("replace same", b.replace(b"z", b"y") is b, b.replace(b"", b"") is b,
      b.replace(b"l", b"L", 0) is b, b.replace(b"l", b"l") is b)
print("upper new", b.upper() is b, b"AB".upper() == b"AB")
print("one byte", b"a ".strip() is one_a, b"ab".replace(b"b", b"") is one_a,
      b"A".lower() is one_a, b"xa".lstrip(b"x") is one_a)
print("empty", b"  ".strip() is empty, b"a".replace(b"a", b"") is empty, b"".upper() is empty)
print("split self", b.split(b"z")[0] is b, b"abc".split()[0] is b"abc"[0:3])
print("split parts", b"a b".split()[0] is one_a, b"a,,b".split(b",")[1] is empty)
print("join one", b"".join([b]) is b, b",".join([b]) is b, b"".join((b,)) is b,
      b"".join([]) is empty, b"".join([one_a, empty]) is one_a)
print("bytearray new", ba.strip() is ba, type(ba.strip()).__name__, ba.replace(b"z", b"y") is ba,
      type(ba.split()[0]).__name__, type(ba.join([b"x"])).__name__)
show("hex", lambda: b.hex())
show("hex empty", lambda: b"".hex())
show("hex bytearray", lambda: ba.hex())
show("fromhex", lambda: bytes.fromhex("41 42"))
show("fromhex one", lambda: bytes.fromhex("41"))
show("fromhex empty", lambda: bytes.fromhex(""))
show("fromhex spaces", lambda: bytes.fromhex(" 41\t42\n"))
show("fromhex bad", lambda: bytes.fromhex("4g"))
show("fromhex odd", lambda: bytes.fromhex("414"))
show("fromhex split pair", lambda: bytes.fromhex("4 1"))
show("fromhex bytes", lambda: bytes.fromhex(b"41"))
show("fromhex none", lambda: bytes.fromhex())
show("fromhex bytearray", lambda: bytearray.fromhex("41 42"))
show("fromhex instance", lambda: b"".fromhex("4142"))
print("fromhex one shared", bytes.fromhex("61") is one_a)
show("join", lambda: b", ".join([b"a", b"b"]))
show("join mixed", lambda: b", ".join([b"a", bytearray(b"b")]))
show("join str item", lambda: b", ".join([b"a", "b"]))
show("join generator", lambda: b"-".join(x for x in [b"a", b"bc"]))
show("join int", lambda: b"-".join(5))
show("join many", lambda: b"".join([b"ab"] * 15))
show("bytearray join", lambda: ba.join([b"a", b"b"]))
show("split", lambda: b.split())
show("split sep", lambda: b.split(b"o"))
show("split max", lambda: b.split(b"o", 1))
show("split keywords", lambda: b.split(sep=b"o", maxsplit=1))
show("split empty sep", lambda: b.split(b""))
show("split str sep", lambda: b.split("o"))
show("split bad keyword", lambda: b.split(x=1))
show("split three", lambda: b.split(b"a", 1, 2))
show("split many", lambda: b"a b c d e f g h i j k l m n".split())
show("split list size", lambda: sys.getsizeof(b"a,b,c".split(b",")))
show("split max size", lambda: sys.getsizeof(b"a,b,c".split(b",", 2)))
show("split empty", lambda: b"".split())
show("bytearray split", lambda: ba.split())
show("strip", lambda: b"  x ".strip())
show("strip chars", lambda: b"xxaxx".strip(b"x"))
show("lstrip chars", lambda: b"xxaxx".lstrip(b"x"))
show("rstrip chars", lambda: b"xxaxx".rstrip(b"x"))
show("strip str", lambda: b"xxaxx".strip("x"))
show("strip two", lambda: b.strip(b"a", b"b"))
show("strip keyword", lambda: b.strip(bytes=b"a"))
show("bytearray strip", lambda: ba.strip(b"hd"))
show("replace", lambda: b.replace(b"l", b"L"))
show("replace count", lambda: b.replace(b"l", b"L", 1))
show("replace grow", lambda: b.replace(b"o", b"000"))
show("replace delete", lambda: b.replace(b"l", b""))
show("replace interleave", lambda: b"abc".replace(b"", b"-"))
show("replace interleave count", lambda: b"abc".replace(b"", b"-", 2))
show("replace empty self", lambda: b"".replace(b"", b"x"))
show("replace one arg", lambda: b.replace(b"a"))
show("replace count str", lambda: b.replace(b"a", b"b", "x"))
show("replace keyword", lambda: b.replace(b"a", b"b", count=1))
show("bytearray replace", lambda: ba.replace(b"l", b"L"))
show("upper", lambda: b.upper())
show("lower", lambda: b"ABC".lower())
show("upper arg", lambda: b.upper(1))
show("bytearray upper", lambda: ba.upper())

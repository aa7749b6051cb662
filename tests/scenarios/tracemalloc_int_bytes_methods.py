# What int.to_bytes, int.from_bytes and the bytes methods allocate on the
# way, seen by tracemalloc (current and peak of each call, the result
# kept): 3.8-3.10's 'big' identifier made on its first comparison, the
# bound class method (3.9+: no free list), from_bytes' copy of a bytearray and its int freed for a
# cached one (3.11+), join's Py_buffer array past 10 items, split's list.
import tracemalloc

tracemalloc.start()
keep = []


def measure(label, thunk):
    tracemalloc.stop()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    keep.append(thunk())
    current, peak = tracemalloc.get_traced_memory()
    if label:
        print(label, current - base, peak - base)


ba = bytearray(b"\x01\x02\x03\x04\x05")
parts = [b"ab"] * 15
b = b"hello world, hello again"
bas = bytearray(b)
# The first keyword calls make their parsers' keyword tuples (3.8-3.10),
# outside the measured calls.
int.from_bytes(b"\x01", "big", signed=False)
(1).to_bytes(length=1, byteorder="big", signed=False)
b.split(sep=b" ", maxsplit=1)
measure("", lambda: None)
measure("to_bytes first big", lambda: (1000).to_bytes(2, "big"))
measure("to_bytes again", lambda: (1000).to_bytes(2, "big"))
measure("to_bytes little", lambda: (1000).to_bytes(2, "little"))
measure("to_bytes long", lambda: (1000).to_bytes(100, "big"))
measure("from_bytes", lambda: int.from_bytes(b"\x01\x02\x03\x04\x05", "big"))
measure("from_bytes small", lambda: int.from_bytes(b"\x00\x05", "big"))
measure("from_bytes zeros", lambda: int.from_bytes(b"\x00\x00", "big"))
measure("from_bytes empty", lambda: int.from_bytes(b"", "big"))
measure("from_bytes bytearray", lambda: int.from_bytes(ba, "big"))
measure("from_bytes wide", lambda: int.from_bytes(b"\x01" * 20, "big"))
measure("from_bytes negative", lambda: int.from_bytes(b"\xff\xff\xff\xfe", "big", signed=True))
measure("bit_count", lambda: (10**20).bit_count() if hasattr(5, "bit_count") else 0)
measure("fromhex", lambda: bytes.fromhex("4142 43"))
measure("fromhex long", lambda: bytes.fromhex("41" * 600))
measure("bytearray fromhex", lambda: bytearray.fromhex("414243"))
measure("hex", lambda: b.hex())
measure("join", lambda: b",".join([b"ab", b"cd"]))
measure("join fifteen", lambda: b"".join(parts))
measure("join generator", lambda: b",".join(x for x in [b"ab", b"cd"]))
measure("split", lambda: b.split())
measure("split sep", lambda: b.split(b"o"))
measure("bytearray split", lambda: bas.split())
measure("strip", lambda: b.strip(b"he"))
measure("replace", lambda: b.replace(b"l", b"LL"))
measure("replace none", lambda: b.replace(b"z", b"LL"))
measure("upper", lambda: b.upper())
measure("bytearray copy", lambda: ba.copy())
measure("find", lambda: b.find(b"o"))

# int.bit_count, int.to_bytes and int.from_bytes: results and sizes, the
# cached small ints from_bytes gives only from 3.11, to_bytes' new bytes
# even of one byte, Argument Clinic's errors and 3.11's defaults.
import sys


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value), sys.getsizeof(value))
    except Exception as error:
        print(label, type(error).__name__, error)


show("bit_count", lambda: (255).bit_count())
show("bit_count negative", lambda: (-7).bit_count())
show("bit_count big", lambda: (2**100 - 1).bit_count())
show("bit_count bool", lambda: True.bit_count())
show("to_bytes", lambda: (1024).to_bytes(2, "big"))
show("to_bytes little", lambda: (1024).to_bytes(2, "little"))
show("to_bytes one", lambda: (5).to_bytes(1, "big"))
show("to_bytes default order", lambda: (5).to_bytes(1))
show("to_bytes no args", lambda: (5).to_bytes())
show("to_bytes zero length", lambda: (0).to_bytes(0, "big"))
show("to_bytes wide", lambda: (1).to_bytes(40, "little"))
show("to_bytes too big", lambda: (256).to_bytes(1, "big"))
show("to_bytes negative", lambda: (-1).to_bytes(1, "big"))
show("to_bytes signed", lambda: (-1).to_bytes(2, "big", signed=True))
show("to_bytes signed min", lambda: (-128).to_bytes(1, "big", signed=True))
show("to_bytes signed over", lambda: (128).to_bytes(1, "big", signed=True))
show("to_bytes signed under", lambda: (-129).to_bytes(1, "big", signed=True))
show("to_bytes bad order", lambda: (1).to_bytes(1, "middle"))
show("to_bytes negative length", lambda: (1).to_bytes(-1, "big"))
show("to_bytes keywords", lambda: (1).to_bytes(length=3, byteorder="little"))
show("to_bytes order int", lambda: (1).to_bytes(1, 5))
show("to_bytes order None", lambda: (1).to_bytes(1, None))
show("to_bytes length str", lambda: (1).to_bytes("a", "big"))
show("to_bytes three", lambda: (1).to_bytes(1, "big", True))
show("to_bytes bad keyword", lambda: (1).to_bytes(1, "big", x=1))
show("to_bytes bool", lambda: True.to_bytes(1, "big"))
show("from_bytes", lambda: int.from_bytes(b"\x01\x00", "big"))
show("from_bytes little", lambda: int.from_bytes(b"\x01\x00", "little"))
show("from_bytes default order", lambda: int.from_bytes(b"\x01\x00"))
show("from_bytes signed", lambda: int.from_bytes(b"\xff", "big", signed=True))
show("from_bytes signed wide", lambda: int.from_bytes(b"\xff" * 8 + b"\x00", "big", signed=True))
show("from_bytes list", lambda: int.from_bytes([1, 2], "big"))
show("from_bytes tuple", lambda: int.from_bytes((1, 2, 3, 4, 5), "big"))
show("from_bytes bytearray", lambda: int.from_bytes(bytearray(b"\x05\x06"), "big"))
show("from_bytes str", lambda: int.from_bytes("ab", "big"))
show("from_bytes int", lambda: int.from_bytes(5, "big"))
show("from_bytes bad item", lambda: int.from_bytes([300], "big"))
show("from_bytes empty", lambda: int.from_bytes(b"", "big"))
show("from_bytes zeros", lambda: int.from_bytes(b"\x00\x00", "big"))
show("from_bytes big", lambda: int.from_bytes(b"\xff" * 20, "big"))
show("from_bytes lead zeros", lambda: int.from_bytes(b"\x00" * 8 + b"\x01" * 12, "big"))
show("from_bytes instance", lambda: (5).from_bytes(b"\x01", "big"))
show("from_bytes bad order", lambda: int.from_bytes(b"\x01", "x"))
show("from_bytes order None", lambda: int.from_bytes(b"\x01", None))
show("from_bytes none", lambda: int.from_bytes())
show("from_bytes three", lambda: int.from_bytes(b"\x01", "big", True))
x = int.from_bytes(b"\x00\x05", "big")
five = 5
print("small cached", x is five, x == 5)
z = int.from_bytes(b"\x00", "big")
zero = 0
print("zero cached", z is zero, sys.getsizeof(z))
y = (1000).to_bytes(2, "big")
print("fresh bytes", sys.getrefcount(y), y is (1000).to_bytes(2, "big"))
empty = b""
print("one byte new", (65).to_bytes(1, "big") is b"A"[0:1], (0).to_bytes(0, "big") is empty)
m = int.from_bytes
print("bound", type(m).__name__, m(b"\x02", "big"))
print(hasattr(3, "bit_count"), hasattr(int, "from_bytes"))

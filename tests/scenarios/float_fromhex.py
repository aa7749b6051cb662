# float.fromhex: the forms it reads (sign, optional 0x, fraction, binary
# exponent, inf/infinity/nan, surrounding whitespace), rounding to nearest
# even at 53 bits and in the subnormal range, OverflowError past the
# largest float, ValueError for the rest; a new float per call.
import sys


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value), sys.getsizeof(value))
    except Exception as error:
        print(label, type(error).__name__, error)


for text in ["0x1.8p1", "1.8p1", "0X1P-2", " -0x1p0 ", "0x.8", "0x1.", "0x", "inf", "-Infinity",
             "nan", " NaN ", "0x1p10000", "0x1p-1075", "0x1p-1074", "0x3p-1075",
             "0x1.fffffffffffff8p1023", "0x1.fffffffffffffp1023", "1", "a", "0x1.8p", "0x1p+3",
             "+0xa", "0x0p0", "-0x0p0", "0x0p99999999999999999999", "0x1p99999999999999999999",
             "0x1 p1", "", "0x1_0", "\u00e9", "0x1.0000000000000800001p0",
             "0x1.00000000000008p0", "0x1.00000000000018p0", "\t0xABCDEFp-4\n", "0x.p1", "p1",
             "0x1p", "0x1p-", "- 0x1", "infinit", "0x1.8p1e"]:
    show(repr(text), lambda: float.fromhex(text))
show("bytes", lambda: float.fromhex(b"0x1"))
show("int", lambda: float.fromhex(1))
show("none", lambda: float.fromhex())
show("two", lambda: float.fromhex("1", "2"))
show("keyword", lambda: float.fromhex(string="1"))
show("instance", lambda: (1.0).fromhex("0x1p1"))
show("0.1", lambda: float.fromhex("0x1.999999999999ap-4"))
x = float.fromhex("0x1p1")
print("new each call", x is float.fromhex("0x1p1"), sys.getrefcount(x))
print("bound", type(float.fromhex).__name__, float.fromhex.__self__ is float, float.fromhex.__name__)

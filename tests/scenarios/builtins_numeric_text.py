# ord, chr, hex, oct, bin, divmod and pow: results, their sizes, the
# one-character singletons chr shares, and each version's error messages.
import gc
import sys

gc.collect()


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value), sys.getsizeof(value))
    except Exception as error:
        print(label, type(error).__name__, error)


show("ord a", lambda: ord("a"))
show("ord e-acute", lambda: ord("\u00e9"))
show("ord euro", lambda: ord("\u20ac"))
show("ord emoji", lambda: ord("\U0001f600"))
show("ord bytes", lambda: ord(b"z"))
show("ord bytearray", lambda: ord(bytearray(b"q")))
show("ord two", lambda: ord("ab"))
show("ord empty", lambda: ord(""))
show("ord int", lambda: ord(1))
show("ord bytes two", lambda: ord(b"ab"))
show("ord none", lambda: ord())
show("ord kw", lambda: ord(c="a"))
show("chr 97", lambda: chr(97))
show("chr 233", lambda: chr(233))
show("chr 8364", lambda: chr(8364))
show("chr emoji", lambda: chr(128512))
show("chr True", lambda: chr(True))
show("chr -1", lambda: chr(-1))
show("chr max", lambda: chr(0x110000))
show("chr str", lambda: chr("a"))
show("chr float", lambda: chr(1.5))
show("chr huge", lambda: chr(2 ** 40))
print("ascii shared", chr(97) is chr(97))
print("latin-1 shared", chr(200) is chr(200))
print("ucs-2 not shared", chr(300) is chr(300))
for n in [0, 1, 255, -255, 4096, 2 ** 31, -(2 ** 40), 2 ** 100 + 7, True]:
    h, o, b = hex(n), oct(n), bin(n)
    print(n, h, o, b, sys.getsizeof(h), sys.getsizeof(o), sys.getsizeof(b))
show("hex float", lambda: hex(1.5))
show("oct str", lambda: oct("7"))
show("bin none", lambda: bin(None))
show("hex kw", lambda: hex(x=1))
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (1000, 300), (100000, 7), (-100000, 7), (1000, 1001), (True, 2), (0, 5)]:
    r = divmod(a, b)
    print("divmod", a, b, r, sys.getsizeof(r), r == (a // b, a % b))
for a, b in [(7.5, 2), (7, 2.0), (-7.5, 2.0), (7.5, -2.0), (0.0, -3.0), (-0.0, 3.0), (1e300, 1e-300)]:
    r = divmod(a, b)
    print("divmod", a, b, r, sys.getsizeof(r), sys.getsizeof(r[0]))
show("divmod int zero", lambda: divmod(7, 0))
show("divmod float zero", lambda: divmod(7.0, 0))
show("divmod str", lambda: divmod("a", 1))
show("divmod list", lambda: divmod(1, []))
show("divmod one", lambda: divmod(1))
show("divmod three", lambda: divmod(1, 2, 3))
show("divmod kw", lambda: divmod(a=1))
show("pow 2 10", lambda: pow(2, 10))
show("pow 2 -1", lambda: pow(2, -1))
show("pow 2 100", lambda: pow(2, 100))
show("pow 2.0 3", lambda: pow(2.0, 3))
show("pow 2 0.5", lambda: pow(2, 0.5))
show("pow 0 -1", lambda: pow(0, -1))
show("pow True 2", lambda: pow(True, 2))
show("pow 2 10 7", lambda: pow(2, 10, 7))
show("pow 3 4 5", lambda: pow(3, 4, 5))
show("pow -2 3 5", lambda: pow(-2, 3, 5))
show("pow 2 3 -5", lambda: pow(2, 3, -5))
show("pow 2 3 1", lambda: pow(2, 3, 1))
show("pow 7 0 3", lambda: pow(7, 0, 3))
show("pow mod zero", lambda: pow(2, 3, 0))
show("pow float mod", lambda: pow(2.0, 3, 5))
show("pow mod float", lambda: pow(2, 3, 5.0))
show("pow mod None", lambda: pow(2, 3, None))
show("pow str", lambda: pow("a", 2))
show("pow str mod", lambda: pow(2, 3, "5"))
show("pow kw", lambda: pow(base=2, exp=3))
show("pow kw mod", lambda: pow(2, 3, mod=5))
show("pow bad kw", lambda: pow(2, 3, z=5))
show("pow none", lambda: pow())
show("pow one", lambda: pow(1))
show("pow four", lambda: pow(1, 2, 3, 4))
big = 10 ** 6
before = sys.getrefcount(big)
q = divmod(big, 7)
print("divmod keeps operands", sys.getrefcount(big) - before, q)


class Accented:
    def __repr__(self):
        return "caf\u00e9"


for label, value in [("ascii str", "abc"), ("latin-1", "\u00e9"), ("bmp and astral", "\u20ac\U0001f600"),
                     ("list", ["\u00e9", 1]), ("int", 5), ("bytes", b"\xff"),
                     ("dict", {"\u043a\u043b\u044e\u0447": 1}), ("instance", Accented())]:
    show("ascii " + label, lambda: ascii(value))
show("ascii none", lambda: ascii())
show("ascii two", lambda: ascii(1, 2))

import gc
import sys

gc.collect()
# f-strings and format specs build new strings; their sizes follow length and kind
n = 1234567
f = 3.14159
name = "heap"
cases = [
    f"{n}",
    f"{n:,}",
    f"{n:12}",
    f"{n:<12}|",
    f"{n:>12}|",
    f"{f:.1f}",
    f"{name!r}",
    f"{name:>10}",
    f"[{name}:{n}]",
    f"{name}\u00e9",
    f"{name}\u20ac",
    f"{name}\U0001f600",
]
for c in cases:
    print(repr(c), len(c), sys.getsizeof(c))
a = f"{name}"
print(a is name, a == name)
b = f"{n}"
c = str(n)
print(b == c, b is c, sys.getsizeof(b) == sys.getsizeof(c))
print(sys.getsizeof(repr(n)), sys.getsizeof(repr(f)), sys.getsizeof(repr(name)))
print(sys.getsizeof(str(f)), sys.getsizeof(str(10 ** 30)), sys.getsizeof(str(-1)))

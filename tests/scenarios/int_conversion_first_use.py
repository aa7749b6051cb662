import gc
import tracemalloc

gc.collect()
# Before 3.11, int(x) without a base looks up x's __trunc__ (x not being a number)
# by a name its first use makes and drops at once: the first such call peaks higher.
# int(x, base) takes another route; complex has its own slots on 3.8 and 3.9.
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
a = int("70000", 10)
after = tracemalloc.get_traced_memory()
print("int(str, 10):", after[0] - before, after[1] - before)
before = tracemalloc.get_traced_memory()[0]
b = int("80000")
after = tracemalloc.get_traced_memory()
print("first int(str):", after[0] - before, after[1] - before)
before = tracemalloc.get_traced_memory()[0]
c = int("90000")
after = tracemalloc.get_traced_memory()
print("second int(str):", after[0] - before, after[1] - before)
before = tracemalloc.get_traced_memory()[0]
d = int(b"123456")
e = int(bytearray(b" 99999 "))
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("int(bytes), int(bytearray):", d, e, after[0] - before, after[1] - before)
print(int(bytearray(b"ff"), 16), int(bytearray(b"0x1f"), 0))
for value in [1j, [1], None, bytearray(b"x1")]:
    try:
        int(value)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
try:
    float(2j)
except TypeError as error:
    print(type(error).__name__, error)
for text in ["7" * 150 + "x" * 100, "é" * 250, b"8" * 150 + b"z" * 99]:
    try:
        int(text)
    except ValueError as error:
        print(len(str(error)), str(error)[-4:])

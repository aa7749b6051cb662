import gc
import sys

gc.collect()
# float and complex results: fixed sizes whatever the value
x = 7
y = 2
print(x / y, type(x / y).__name__, sys.getsizeof(x / y))
print(x // y, type(x // y).__name__, sys.getsizeof(x // y))
print(7.0 // 2, type(7.0 // 2).__name__, sys.getsizeof(7.0 // 2))
print(x % 2.5, sys.getsizeof(x % 2.5), sys.getsizeof(2.0 ** 1000))
big = float("1e308")
print(big * 10, sys.getsizeof(big * 10), sys.getsizeof(-big), sys.getsizeof(abs(-1.5)))
print(round(2.5), round(3.5), type(round(2.5)).__name__, sys.getsizeof(round(2.675, 2)))
print(int(3.99), sys.getsizeof(int(3.99)), int(-3.99), sys.getsizeof(int(1e20)))
print(float(10), sys.getsizeof(float(10)), float("nan") == float("nan"))
z = 3 + 4j
print(z, abs(z), sys.getsizeof(z), sys.getsizeof(abs(z)), sys.getsizeof(z * z))
print(complex(1, 0), sys.getsizeof(complex(1, 0)), sys.getsizeof(complex(2.5)), complex(2.5))
print(1 / 3, sum([0.1] * 10), sys.getsizeof(sum([0.1] * 10)))
print(max(1.5, 2), type(max(1.5, 2)).__name__, min(3, 2.5), sys.getsizeof(min(3, 2.5)))
print(sys.getsizeof(True / 2), sys.getsizeof(True + 0.5), 0.1 + 0.2)

import sys
x = 10**100
print(sys.getsizeof(x), x.bit_length(), (0).bit_length(), (-255).bit_length(), True.bit_length())
print((5).conjugate(), True.conjugate(), type(True.conjugate()), (2.5).conjugate())
print((7).as_integer_ratio(), (-3).as_integer_ratio(), False.as_integer_ratio())
print((5).real, (5).imag, (5).numerator, (5).denominator, True.real, type(True.numerator))
print((2.5).real, (2.5).imag, (2.0).is_integer(), (2.5).is_integer(), float("inf").is_integer())
y = 123456789
print(sys.getrefcount(y))
r = y.real
print(r is y, sys.getrefcount(y))
f = 3.25
print(f.real is f, f.conjugate() is f, f.imag is f.imag)
m = y.bit_length
print(m())
try:
    y.bit_length(1)
except TypeError as e:
    print(e)
try:
    y.bit_length = 3
except AttributeError as e:
    print(e)
import gc
gc.collect()
print(gc.get_count())
t = y.as_integer_ratio()
print(gc.get_count(), t)

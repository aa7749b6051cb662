# math on floats: libm results printed with repr, ints from floor/ceil/trunc
# (an int argument comes back as itself), constants shared by every use,
# sizes of the results.
import sys, gc, math

gc.collect()
for x in [0.5, 1.0, 2.0, 3.7, 10.0, 1e-300, 234.567]:
    print(x, math.sqrt(x), math.exp(x), math.log(x), math.log2(x), math.log10(x))
    print(math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x), math.tanh(x))
    print(math.expm1(x), math.log1p(x), math.asinh(x), math.degrees(x), math.radians(x))
for x in [-0.9, 0.0, 0.3, 0.99]:
    print(math.asin(x), math.acos(x), math.atanh(x))
print(math.acosh(1.0), math.acosh(2.5), math.cosh(3.0))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.pi is math.pi, math.inf is math.inf, type(math.nan).__name__)
print(sys.getsizeof(math.pi), sys.getsizeof(math.sqrt(2)))
print(math.pow(2, 10), math.pow(2.5, 3.5), math.pow(-2, 3), math.pow(9, 0.5), math.pow(1, math.nan))
print(math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(0.5, math.inf), math.pow(2, -math.inf))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, -2), math.fmod(1, math.inf))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -0.0), math.atan2(math.inf, math.inf))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.fabs(-3), math.fabs(-0.0))
print(math.log(8, 2), math.log(100, 10), math.log(2 ** 1100), math.log2(2 ** 1100), math.log10(10 ** 400))
print(math.log(10 ** 30 + 1), math.log(3, 7.5), math.exp(-1000), math.exp(709))
for x in [2.5, -2.5, 3.0, -0.5, 1e20, -1e300, 0.0]:
    f, c, t = math.floor(x), math.ceil(x), math.trunc(x)
    print(x, f, c, t, type(f).__name__, sys.getsizeof(f), sys.getsizeof(c))
n = 10 ** 25
print(math.floor(n) is n, math.ceil(n) is n, math.trunc(n) is n, math.floor(True), math.trunc(False))
for x in [0.0, 1.0, -3.5, 1e-310, 6.02e23, math.inf, -math.inf, math.nan]:
    print(math.frexp(x), math.modf(x), math.isfinite(x), math.isinf(x), math.isnan(x))
print(math.ldexp(0.75, 4), math.ldexp(1, -1074), math.ldexp(1, -1080), math.ldexp(-1.0, -10 ** 30))
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.001), math.isclose(1, 1.001, rel_tol=0.01))
print(math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(a=2, b=2.0), math.isclose(math.nan, math.nan))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum(range(10)), math.fsum([1, 2.5, True]), math.fsum(x / 7 for x in range(100)))
print(math.fsum([math.inf, 1.0]), math.fsum([math.nan, 1.0]), math.fsum([1e308, -1e308, 1e308]))
print(math.fsum([2.0 ** 53, 1.0, 2.0 ** -60]), math.fsum([2.0 ** 53, -1.0, -(2.0 ** -60)]))
print(math.prod([]), math.prod(range(1, 11)), math.prod([2, 3.5]), math.prod([1.5, 2, 4]))
print(math.prod([2] * 70), math.prod(['ab', 3]), math.prod([3], start=[1, 2]), math.prod([], start='x'))
print(math.prod([10 ** 10, 10 ** 10, 10 ** 10]), math.prod(x for x in [0.5, 4]), math.prod([True, 7]))
big = math.prod([2] * 70)
print(sys.getsizeof(big), sys.getsizeof(math.prod([3, 5])), sys.getsizeof(math.prod([1.5])))
# ints converted to doubles: rounded to nearest, ties to even
for n in [2 ** 53 + 1, 2 ** 53 + 3, 2 ** 64 + 2 ** 11, 2 ** 64 + 2 ** 11 + 1, 2 ** 64 + 3 * 2 ** 11,
          -(2 ** 70 + 2 ** 17), 10 ** 307 * 17, 2 ** 1024 - 2 ** 971, 2 ** 1024 - 2 ** 970 - 1]:
    print(math.fabs(n), math.copysign(n, -1), math.isfinite(n), math.sqrt(abs(n)))
for n in [2 ** 1024 - 2 ** 970, 2 ** 1024]:
    try:
        print(math.fabs(n))
    except OverflowError as e:
        print("OverflowError", e)

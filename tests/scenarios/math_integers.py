# math on ints: exact results of any size (factorial, comb, perm, gcd, lcm,
# isqrt), their sizes, and the int argument an answer may be.
import sys, gc, math

gc.collect()
for n in [0, 1, 5, 12, 20, 21, 25, 50, 100]:
    f = math.factorial(n)
    print(n, f, sys.getsizeof(f))
print(len(str(math.factorial(1000))), sys.getsizeof(math.factorial(1000)), math.factorial(True))
for n, k in [(5, 2), (10, 3), (10, 0), (10, 10), (10, 11), (0, 0), (40, 20), (100, 50), (67, 33)]:
    c, p = math.comb(n, k), math.perm(n, k)
    print(n, k, c, p, sys.getsizeof(c), sys.getsizeof(p))
print(math.perm(6), math.perm(6, None), math.comb(10 ** 20, 3), math.perm(10 ** 10, 2))
print(math.comb(1000, 500) % 1000003, sys.getsizeof(math.comb(1000, 500)))
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, 7), math.gcd(2 ** 100, 6 ** 40))
print(math.gcd(10 ** 20, 10 ** 15), math.gcd(True, 4), math.gcd(270, 192), sys.getsizeof(math.gcd(2 ** 80, 2 ** 90)))
if sys.version_info >= (3, 9):
    print(math.gcd(), math.gcd(-7), math.gcd(12, 18, 8), math.lcm(), math.lcm(4, 6), math.lcm(-4, 6, 10))
    print(math.lcm(4, 0), math.lcm(2 ** 70, 3 ** 40), math.lcm(-9))
    x = 10 ** 30
    print(math.gcd(x) is x, math.lcm(x) is x)
else:
    print("3.8: gcd takes two arguments")
for n in [0, 1, 2, 3, 4, 15, 16, 17, 10 ** 10, 2 ** 64 - 1, 2 ** 64, 10 ** 40, 10 ** 41]:
    r = math.isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1), sys.getsizeof(r))
print(math.isqrt(True), math.factorial(20) == math.perm(20), math.comb(52, 5))

import gc
import sys

gc.collect()
# sizes of ints produced by arithmetic, and which results come from the small-int cache
a = 12345
b = 98765
print(sys.getsizeof(a), sys.getsizeof(b))
print(sys.getsizeof(a * b), a * b)
print(sys.getsizeof(a * b * b), sys.getsizeof(a * b * b * b))
print(sys.getsizeof(b // a), b // a, sys.getsizeof(b % a))
print(sys.getsizeof(-a), sys.getsizeof(abs(-a)), abs(-a) == a)
big = 2 ** 100
print(sys.getsizeof(big), sys.getsizeof(big // 2 ** 70), sys.getsizeof(big - big))
print(sys.getsizeof(big * big), sys.getsizeof(-big), sys.getsizeof(big % 7))
print(sys.getsizeof(2 ** 29), sys.getsizeof(2 ** 30), sys.getsizeof(3 ** 40), sys.getsizeof(10 ** 18))
print(sys.getsizeof(a - a), a - a)
# results in -5..256 are the cached objects; results outside are new each time
x = 200
y = x + 56
z = 256
print(y is z, (x + 56) is (x + 56))
u = x + 57
v = x + 57
print(u == v, u is v)
w = -x // 40
minus5 = int("-5")
print(w, w is minus5, (w - 1) is (w - 1))
s = 0
for i in range(5):
    s += 50
t = 250
print(s, s is t, sys.getsizeof(s))
n = int("256")
m = int("257")
print(n is int("256"), m is int("257"), n is z)
print(sys.getsizeof(True + True), True + True, sys.getsizeof(True * 1000000))

import gc
import random
import sys

gc.collect()
# The same seed gives CPython's Mersenne Twister sequence for every function.
random.seed(12345)
print([random.random() for _ in range(3)])
print([random.getrandbits(k) for k in (1, 8, 31, 32, 33, 64, 100, 200)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 500) for _ in range(5)])
print([random.randrange(0, 100, 7) for _ in range(5)])
print([random.randrange(100, 0, -3) for _ in range(5)])
print([random.randint(1, 6) for _ in range(12)])
print([random.randint(-10**20, 10**20) for _ in range(2)])
print([random.choice('abcdefgh') for _ in range(8)])
print([random.choice([10, 20, 30]) for _ in range(5)])
print([random.choice(range(1000)) for _ in range(5)])
print([random.uniform(1, 2) for _ in range(3)])
print([random.uniform(-5, 5) for _ in range(2)])
print(random.randrange(2**70), random.randrange(10**30, 10**31))
# Seeding again restarts the sequence; seeds of any size, sign ignored.
for seed in (0, 1, -1, 2**32, 2**32 - 1, 10**40, -(10**40)):
    random.seed(seed)
    print(seed, random.random(), random.getrandbits(40), random.randrange(1000))
random.seed(7)
a = [random.random() for _ in range(3)]
random.seed(7)
b = [random.random() for _ in range(3)]
print(a == b)
# getrandbits(0) and the errors of the C function.
random.seed(3)
for k in (-1, 0, 2**31, 2**40):
    try:
        print(k, random.getrandbits(k))
    except (ValueError, OverflowError) as e:
        print(k, type(e).__name__, e)
# What the functions make: new floats and ints, small ints shared.
random.seed(99)
x = random.random()
print(type(x).__name__, sys.getsizeof(x), sys.getrefcount(x))
big = random.getrandbits(100)
print(sys.getsizeof(big), sys.getsizeof(random.getrandbits(30)), sys.getsizeof(random.getrandbits(64)))
small = random.randrange(200)
print(small is random.randrange(1) or small < 257)

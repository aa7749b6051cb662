# int ** int allocates a chain of products: each a new int made before the
# previous one is freed, sized as long_mul sizes it (a + b digits), so the
# result and the transient peak follow CPython's exponentiation loop, whose
# start differs between 3.8-3.10 (from 1 over every bit) and 3.11+ (from the
# base at the exponent's top bit).
import gc
import sys
import tracemalloc

gc.collect()


def traced_power(base, exponent):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    value = base ** exponent
    after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = sys.getsizeof(value)
    del value
    return after[0] - before, after[1] - before, size


big = 10 ** 20
for exponent in (0, 1, 2, 3, 5, 7, 12):
    print('big **', exponent, traced_power(big, exponent))
for base, exponent in ((2, 85), (3, 40), (2, 200), (1000, 9), (7, 2), (300, 2),
                       (300, 1), (2, 0), (5 ** 30, 1), (-3, 41), (-300, 3)):
    print(base, '**', exponent, traced_power(base, exponent))

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
folded = 2 ** 85 + 5
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print('2 ** 85 + 5 at run time', after[0] - before, after[1] - before, sys.getsizeof(folded))
print((-2) ** 63, 3 ** 100 % 1000, 12345 ** 2)

# tolerance: 3%
# What math and operator results allocate, seen by tracemalloc: floats from
# the free list, ints sized by their value, frexp's and modf's tuples, a
# prod of small ints made once, in-place operator calls that allocate
# nothing new.
import gc
import math
import operator
import tracemalloc

def traced(label, make):
    tracemalloc.start()
    kept = make()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(label, current, peak)
    return kept

gc.collect()
traced("sqrt", lambda: [math.sqrt(i) for i in range(100)])
traced("floor big", lambda: [math.floor(1e20 * i) for i in range(1, 50)])
traced("floor small", lambda: [math.floor(i + 0.5) for i in range(1000, 1100)])
traced("factorial", lambda: [math.factorial(i % 21) for i in range(100)])
traced("frexp", lambda: [math.frexp(i + 0.25) for i in range(100)])
traced("modf", lambda: [math.modf(i + 0.25) for i in range(100)])
traced("prod", lambda: [math.prod(range(1, i % 15 + 2)) for i in range(100)])
traced("fsum", lambda: [math.fsum([0.1] * (i % 7)) for i in range(100)])
traced("gcd", lambda: [math.gcd(i * 1000003, 2 ** 40) for i in range(100)])
traced("isqrt", lambda: [math.isqrt(i ** 5) for i in range(1000, 1100)])
traced("log", lambda: [math.log(i + 1, 2) for i in range(100)])
lst = []
traced("iadd", lambda: [operator.iadd(lst, [i]) for i in range(100)])
traced("add", lambda: [operator.add(1000, i) for i in range(100)])
traced("mul str", lambda: [operator.mul("ab", i) for i in range(100)])
traced("prod runs", lambda: [math.prod([1.5, 10 ** 30, 2.0, 3.0]) for i in range(50)])
traced("prod int then float", lambda: [math.prod([2, 3, 1.5, 2]) for i in range(50)])
traced("prod bools", lambda: [math.prod([True, 3, 5]) for i in range(50)])

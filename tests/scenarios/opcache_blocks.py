# CPython 3.8 to 3.10 give a code object an opcache on its 1024th
# evaluation (a call, a generator's resume or close): a byte per code unit
# and 32 bytes per LOAD_GLOBAL (and LOAD_ATTR on 3.10), kept while the code
# lives. Traced here where it happens.
import gc
import tracemalloc

gc.collect()


def square(x):
    return x * x


def uses_globals(x):
    return len(str(x)) + abs(x)


def attributes(s):
    return s.start + s.stop


def pair(x):
    return [x, x]


def squares(n):
    for i in range(n):
        yield i * i


tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = 0
for i in range(1023):
    total += square(i)
print('square x1023', tracemalloc.get_traced_memory()[0] - base)
total += square(5)
print('square x1024', tracemalloc.get_traced_memory()[0] - base)

base = tracemalloc.get_traced_memory()[0]
for i in range(1100):
    total += uses_globals(i)
print('globals x1100', tracemalloc.get_traced_memory()[0] - base, total)

s = slice(1, 2)
base = tracemalloc.get_traced_memory()[0]
for i in range(1030):
    total += attributes(s)
print('attributes x1030', tracemalloc.get_traced_memory()[0] - base)

base = tracemalloc.get_traced_memory()[0]
pairs = [pair(i) for i in range(1500)]
print('pairs', tracemalloc.get_traced_memory())
del pairs

base = tracemalloc.get_traced_memory()[0]
total = 0
for v in squares(2000):
    total += v
print('generator', tracemalloc.get_traced_memory()[0] - base, total)

base = tracemalloc.get_traced_memory()[0]
rows = [[j for j in range(3)] for i in range(1100)]
print('comprehensions', tracemalloc.get_traced_memory()[0] - base)
del rows
print(tracemalloc.get_traced_memory())

import gc
import sys

gc.collect()
# generator expressions and reducing builtins: temporaries come and go, results stay
data = [[i] * (i % 3) for i in range(10)]
print(sum(len(x) for x in data), any(len(x) > 1 for x in data), all(data))
print(max(len(x) for x in data), min((len(x), i) for i, x in enumerate(data)))
before = sys.getrefcount(data[1])
total = sum(len(x) for x in data)
print(sys.getrefcount(data[1]) - before, total)
flags = [bool(x) for x in data]
print(flags.count(True), flags.count(False), sys.getsizeof(flags))
squares = tuple(i * i for i in range(8))
print(squares, sys.getsizeof(squares))
evens = set(i for i in range(20) if i % 2 == 0)
print(sorted(evens)[:3], len(evens), sys.getsizeof(evens))
lookup = dict((str(i), i) for i in range(6))
print(lookup, sys.getsizeof(lookup))
print(round(sum(i / 3 for i in range(10)), 3), abs(-sum(range(5))), round(7.5))

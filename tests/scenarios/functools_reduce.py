import sys
import gc
import functools
import operator
import tracemalloc

gc.collect()


def add(a, b):
    print("add", a, b)
    return a + b


def add_counted(a, b):
    print("add", a, b, sys.getrefcount(a), sys.getrefcount(b))
    return a + b


print(functools.reduce(add, [1, 2, 3, 4]))
print(functools.reduce(add, [5], 100))
numbers = [10 ** 6 * k for k in range(1, 5)]
print(functools.reduce(add_counted, numbers))
print(functools.reduce(add_counted, numbers, 10 ** 9))
del numbers
print(functools.reduce(add, [], "start"))
print(functools.reduce(add, ["x"]))
print(functools.reduce(operator.mul, range(1, 11)))
print(functools.reduce(operator.add, (1.5, 2.5, 3.0), 0))
print(functools.reduce, type(functools.reduce).__name__, sys.getsizeof(functools.reduce))


class Acc:
    def __init__(self, name):
        self.name = name

    def merge(self, other):
        return Acc(self.name + other.name)


first = Acc("a")
items = [Acc("b"), Acc("c")]
merged = functools.reduce(Acc.merge, items, first)
print(merged.name, sys.getrefcount(first), sys.getrefcount(items[0]), sys.getrefcount(items[1]))

big = [10 ** 20, 10 ** 21, 10 ** 22]
total = functools.reduce(operator.add, big)
print(len(str(total)), total % 1000, sys.getsizeof(total))


def gen():
    for i in range(5):
        yield [i] * i


lists = functools.reduce(operator.add, gen(), [])
print(lists, sys.getsizeof(lists))


def pairs(a, b):
    return (a, b)


print(functools.reduce(pairs, "abcd"))

for call in [lambda: functools.reduce(),
             lambda: functools.reduce(add),
             lambda: functools.reduce(add, 5),
             lambda: functools.reduce(add, []),
             lambda: functools.reduce(add, [], 1, 2),
             lambda: functools.reduce(add, [1], initial=3),
             lambda: functools.reduce(5, [1, 2]),
             lambda: functools.reduce(5, [1]),
             lambda: functools.reduce(len, [1, 2])]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)


def boom(a, b):
    if b == 3:
        raise ValueError("three")
    return a + b


try:
    functools.reduce(boom, [1, 2, 3, 4])
except ValueError as e:
    print("ValueError", e)
print("collected", gc.collect())


values = [10 ** 6 * k for k in range(1, 40)]
functools.reduce(add, values[:3])
tracemalloc.start()
before = gc.get_count()[0]
total = functools.reduce(operator.add, values)
count = gc.get_count()[0] - before
current, peak = tracemalloc.get_traced_memory()
print(total, count, current, peak)
tracemalloc.stop()

# Generator expressions: from 3.11 the object embeds its frame, so its size
# grows with the locals (loop variables, free variables) and with the value
# stack the element and conditions need.
import sys, gc


def f(*args, **kwargs):
    return args


class O:
    def m(self, *args, **kwargs):
        return args


def in_function(a, k):
    return sys.getsizeof(x + k for x in a), sys.getsizeof(x for x in a)


gc.collect()
a = [[1, 2], [3, 4]]
b = [5]
c = [6]
o = O()
y = z = w = i = j = 1
print(sys.getsizeof(x for x in a), sys.getsizeof(1 for x in a))
print(sys.getsizeof((x, y) for x in a for y in b), sys.getsizeof(x for x in a for y in b for z in c))
print(sys.getsizeof(x + 1 for x in a), sys.getsizeof(x * y + z for x in a), sys.getsizeof(-x for x in a))
print(sys.getsizeof(f(x) for x in a), sys.getsizeof(f(x, y, z) for x in a), sys.getsizeof(f(f(f(x))) for x in a))
print(sys.getsizeof(f(x, k=1) for x in a), sys.getsizeof(o.m(x, k=y) for x in a), sys.getsizeof(f(x)(y) for x in a))
print(sys.getsizeof(x for x in a if x), sys.getsizeof(x for x in a if len(x) > 1), sys.getsizeof(x for x in a if not x))
print(sys.getsizeof(x and y for x in a), sys.getsizeof(x or y or z for x in a), sys.getsizeof(x for x in a if x and y))
print(sys.getsizeof([x, y] for x in a), sys.getsizeof((x, y, z, w) for x in a), sys.getsizeof((x, 1, 2) for x in a))
print(sys.getsizeof({x[0]: y} for x in a), sys.getsizeof({'p': x, 'q': y} for x in a), sys.getsizeof({'p': x} for x in a))
print(sys.getsizeof(x[1] for x in a), sys.getsizeof(x[0:1] for x in a), sys.getsizeof(x[::2] for x in a), sys.getsizeof(x[i:j] for x in a))
print(sys.getsizeof(p for p, q in a), sys.getsizeof((p, (q, r)) for p, (q, r) in [(1, (2, 3))]))
print(sys.getsizeof(x if x else y for x in a), sys.getsizeof(0 < len(x) < 3 for x in a), sys.getsizeof(x for x in a if x in a))
print(sys.getsizeof(f'{x}' for x in a), sys.getsizeof(f'{x}-{y}' for x in a), sys.getsizeof(f'{x!r:>10}' for x in a))
print(sys.getsizeof([1, 2, 3] for x in a), sys.getsizeof([x] * 3 for x in a), sys.getsizeof(str(x) + 'a' for x in a))
print(sys.getsizeof(len(x) for x in a if x for y in x), sys.getsizeof(o.m(x).count(1) for x in a))
print(in_function(a, 2))

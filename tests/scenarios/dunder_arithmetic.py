# Arithmetic special methods of a program's classes: binary operators with
# reflected methods, subclass priority and NotImplemented, in-place methods
# and their fallback to the binary one, sum(), unary operators and abs(),
# str % and sequence * against reflected methods, references in the slots,
# and CPython's TypeErrors.
import sys
import gc


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            print("  V.__add__", sys.getrefcount(self), sys.getrefcount(other))
        else:
            print("  V.__add__", sys.getrefcount(self), type(other).__name__)
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented

    def __radd__(self, other):
        print("  V.__radd__", type(other).__name__)
        if isinstance(other, int):
            return V(other + self.x)
        return NotImplemented

    def __mul__(self, k):
        return V(self.x * k)

    def __rmul__(self, k):
        print("  V.__rmul__", type(k).__name__)
        return NotImplemented

    def __rmod__(self, other):
        print("  V.__rmod__")
        return "rmod"

    def __neg__(self):
        return V(-self.x)

    def __abs__(self):
        return V(abs(self.x))

    def __repr__(self):
        return "V(" + repr(self.x) + ")"


class W(V):
    def __radd__(self, other):
        print("  W.__radd__")
        return "W wins"


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self

    def __repr__(self):
        return "Acc" + repr(self.items)


gc.collect()
big = 10 ** 30
a, b = V(1), V(2)
print(a + b, a + 5, 5 + a, a + big, -a, abs(V(-3)), a * 3)
print(V(1) + W(2))
print(W(2) + V(1))
for other in ["text", [1], (1,), 2.5]:
    try:
        print(a + other)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(other + a)
    except TypeError as e:
        print("TypeError:", e)
try:
    print(a - b)
except TypeError as e:
    print("TypeError:", e)
try:
    print(~a)
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] * a)
except TypeError as e:
    print("TypeError:", e)
c = a
c += b
print(c, a, c is a)
acc = Acc()
alias = acc
acc += 1
acc += "two"
print(acc, alias is acc)
try:
    acc -= 1
except TypeError as e:
    print("TypeError:", e)
print(sum([a, b]), sum([a, b], V(10)))
before = gc.get_count()[0]
for i in range(10):
    total = a + b
after = gc.get_count()[0]
print("gen0 delta for 10 additions:", after - before)

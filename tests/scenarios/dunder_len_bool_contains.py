# __len__, __bool__ and __contains__ of a program's classes: len(),
# truth tests in if/while/and/or/not/any/all/comprehensions, `in`, and the
# errors of bad results.
import gc


class Bag:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __contains__(self, item):
        return item in self.items


class Flag:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        return self.value


class Weird:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Truthy:
    def __contains__(self, item):
        return item


gc.collect()
empty, full = Bag([]), Bag([1, 2, 3])
print(len(empty), len(full), bool(empty), bool(full), not empty, not full)
print(2 in full, 5 in full, 5 not in full)
if full:
    print("full is true")
if not empty:
    print("empty is false")
print(empty or "fallback", (full and "both") or "none")
print([b.items for b in [empty, full] if b])
print(any([empty, empty]), all([full, full]), all([full, empty]))
print(Flag(True) and "yes", Flag(False) or "no")
n = 0
countdown = Bag([1, 2, 3])
while countdown:
    countdown.items.pop()
    n += 1
print("loops", n)
print("x" if Flag(False) else "y")
print(1 in Truthy(), 0 in Truthy(), "" in Truthy())
for value in [1, None, 0]:
    try:
        print(bool(Flag(value)))
    except TypeError as e:
        print("TypeError:", e)
for n in [-1, "3", 2.5, 2 ** 70, True]:
    try:
        print(len(Weird(n)))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    len(Flag(True))
except TypeError as e:
    print("TypeError:", e)
try:
    3 in Flag(True)
except TypeError as e:
    print("TypeError:", e)

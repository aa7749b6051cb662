# Rich comparisons and __hash__ of a program's classes: ==, !=, <, <=, >,
# >= with reflected methods and NotImplemented, the fallbacks, `in` and
# list/tuple searches (which side's __eq__ runs first, references held),
# and the unhashable class that defines __eq__ without __hash__.
import sys
import gc


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents


class Tagged:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        if isinstance(other, Tagged):
            print("  eq", self.name, other.name, sys.getrefcount(self), sys.getrefcount(other))
        else:
            print("  eq", self.name, type(other).__name__, sys.getrefcount(self))
        return False


class Keyed:
    def __init__(self, key):
        self.key = key

    def __eq__(self, other):
        return isinstance(other, Keyed) and self.key == other.key

    def __hash__(self):
        return hash(self.key)


class Only:
    def __hash__(self):
        return -1


class Ne:
    def __ne__(self, other):
        return "custom ne"


class Base:
    def __lt__(self, other):
        print("  Base.__lt__")
        return NotImplemented


class Derived(Base):
    def __gt__(self, other):
        print("  Derived.__gt__")
        return True


gc.collect()
a, b, c = Money(100), Money(100), Money(250)
print(a == b, a != b, a == c, a != c, a < c, c > a, a is b)
print(a == 100, 100 == a, a != "x")
try:
    a <= c
except TypeError as e:
    print("TypeError:", e)
try:
    a < 5
except TypeError as e:
    print("TypeError:", e)
print(Ne() == Ne(), Ne() != Ne())
print(Base() < Derived())
try:
    Base() < Base()
except TypeError as e:
    print("TypeError:", e)
print(a < c < Money(300), a < c < Money(1))

x, y, z = Tagged("x"), Tagged("y"), Tagged("z")
items = [y, z]
group = (y, z)
print(x in items)
print(x in group)
print(x not in items)
print(y in items)
print(items.count(x), group.count(x))
try:
    items.remove(x)
except ValueError as e:
    print("ValueError:", e)
print(3 in items)

prices = [Money(5), Money(7), Money(5)]
print(Money(5) in prices, prices.count(Money(5)), prices.index(Money(7)))
prices.remove(Money(7))
print(len(prices), sys.getsizeof(prices))

try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
try:
    {a}
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, a))
except TypeError as e:
    print("TypeError:", e)
print(Money.__hash__)
print(hash(Keyed("k")) == hash("k"), hash(Only()), Keyed(1) == Keyed(1), Keyed(1) != Keyed(2))

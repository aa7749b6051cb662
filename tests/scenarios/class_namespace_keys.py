# A class's namespace as vars(C) and C.__dict__ show it: __module__, the
# body's names in definition order (__qualname__ taken out), the __dict__
# and __weakref__ descriptors where the class adds them, slot members,
# __doc__ (None without a docstring), __hash__ = None beside __eq__, and
# 3.13's __firstlineno__ and __static_attributes__.
import gc
import sys


def deco(cls):
    return cls


class Plain:
    count = 0

    def __init__(self, value):
        self.value = value
        self.__hidden = 1

    def total(self):
        return self.value + Plain.count


class Child(Plain):
    extra = 2


class Slotted:
    __slots__ = ("beta", "alpha")

    def get(self):
        return self.alpha


class WeakSlots:
    __slots__ = ("a", "__weakref__")


class Equal:
    def __eq__(self, other):
        return True


class Hashed:
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 1


class Documented:
    """A docstring."""

    size: int = 1
    name: str

    def method(self):
        self.seen = True
        for self.loop in range(1):
            pass


@deco
class Decorated:
    x = 1


class Holder:
    class Inner:
        def f(self):
            self.inner_only = 1

    def g(self, other):
        other.not_self = 1
        self.mine = 2
        self.mine += 1


class Failure(Exception):
    pass


class Props:
    @property
    def p(self):
        return 1

    @staticmethod
    def s():
        return 2

    @classmethod
    def c(cls):
        return 3


gc.collect()

for cls in (Plain, Child, Slotted, WeakSlots, Equal, Hashed, Documented, Decorated, Holder,
            Holder.Inner, Failure, Props):
    names = list(vars(cls))
    print(cls.__name__, len(names), names)

print("types", [(k, type(v).__name__) for k, v in Props.__dict__.items()])
print("slot types", [(k, type(v).__name__) for k, v in vars(Slotted).items()])
print("doc", Documented.__doc__, Plain.__doc__, Documented().__doc__, Failure.__doc__)
print("module", Plain.__dict__["__module__"], Plain.__module__)
print("annotations", Documented.__dict__["__annotations__"])
print("hash", Equal.__dict__["__hash__"], "__hash__" in Hashed.__dict__)
print("qualname", "__qualname__" in vars(Plain), "__qualname__" in vars(Holder.Inner))
print("inherited", "total" in vars(Child), "count" in Child.__dict__, Child.count)
if sys.version_info >= (3, 13):
    print("static", Plain.__static_attributes__, Documented.__static_attributes__,
          Holder.__static_attributes__, Holder.Inner.__static_attributes__,
          Child.__static_attributes__)
    print("firstlineno", Plain.__firstlineno__ - Child.__firstlineno__,
          Decorated.__firstlineno__ - Documented.__firstlineno__)

class A:
    __slots__ = ("x",)
A()._slots_

class A:
    pass
A()._weakref_

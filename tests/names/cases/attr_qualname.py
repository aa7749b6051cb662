class A:
    pass
A()._qualname_

class A:
    def f(self):
        return __class__
class B(A):
    def g(self):
        return super().f()
B()._classcell_

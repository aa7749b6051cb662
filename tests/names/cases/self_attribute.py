class A:
    def __init__(self):
        self.size = 1
    def f(self):
        return size
A().f()

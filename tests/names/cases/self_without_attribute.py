def f(self):
    return x
f(1)

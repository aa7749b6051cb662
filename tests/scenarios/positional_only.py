import gc


def f(a, b=2, /, c=3, *, d=4):
    return a, b, c, d


def g(a, /, **kw):
    return a, kw


def h(a, b, /):
    return a + b


def k(x, /, *args):
    return x, args


class Vec:
    def __init__(self, x, y, /):
        self.x = x
        self.y = y

    def scaled(self, factor, /):
        return Vec(self.x * factor, self.y * factor)


gc.collect()
# parameters before '/' are filled by position only
print(f(1), f(1, 5), f(1, 5, 6, d=7), f(1, c=8))
print(g(1, a=2), k(1, 2, 3), h(2, 3))
v = Vec(1, 2).scaled(3)
print(v.x, v.y)
square = lambda n, /: n * n
print(square(4))
# CPython's messages: a positional-only name passed by keyword (all of them,
# listed once), the usual ones around it
for call in (lambda: f(a=1), lambda: f(1, b=2), lambda: f(1, 2, b=3),
             lambda: f(a=1, b=2), lambda: f(1, c=2, b=3), lambda: f(),
             lambda: f(1, 2, 3, 4), lambda: h(1), lambda: h(b=1, a=2),
             lambda: square(n=3), lambda: Vec(x=1, y=2), lambda: f(1, x=2),
             lambda: f(1, 2, 3, 4, x=1), lambda: f(1, 2, 3, 4, d=1),
             lambda: k(x=1)):
    try:
        call()
    except TypeError as e:
        print(e)

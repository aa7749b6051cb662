# __repr__ and __str__ of a program's classes: repr(), str(), print(),
# f-strings and format(), lists, tuples and dicts of instances, the
# references a slot call holds on self, and non-str results.
import sys
import gc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        print("  in __repr__, refcount", sys.getrefcount(self))
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"


class Label:
    def __init__(self, text):
        self.text = text

    def __str__(self):
        return "<" + self.text + ">"

    def __repr__(self):
        return "Label(" + repr(self.text) + ")"


class BadRepr:
    def __repr__(self):
        return 42


class BadStr:
    def __str__(self):
        return None


gc.collect()
p = Point(1, 2)
print(repr(p))
print(p)
print(f"{p}")
print(f"{p!r}")
print(format(p))
print([p])
print((p, p))
print({1: p})
print([p, [p, (p,)]])
print(p.__repr__())
bound = p.__repr__
print(bound())
del bound
r = repr(p)
print(type(r).__name__, len(r), sys.getsizeof(r))

lab = Label("hi")
print(lab, str(lab), repr(lab), f"{lab}", f"{lab!r}", f"{lab!s}")
print([lab], (lab,), {"k": lab})
print(str([lab]))
try:
    f"{lab:>10}"
except TypeError as e:
    print("TypeError:", e)
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
try:
    str(BadRepr())
except TypeError as e:
    print("TypeError:", e)
try:
    print(BadStr())
except TypeError as e:
    print("TypeError:", e)
try:
    print([BadRepr()])
except TypeError as e:
    print("TypeError:", e)
before = gc.get_count()[0]
for i in range(20):
    s = repr(lab)
after = gc.get_count()[0]
print("gen0 delta for 20 repr() calls:", after - before)
before = gc.get_count()[0]
for i in range(20):
    s = lab.__repr__()
after = gc.get_count()[0]
print("gen0 delta for 20 __repr__() calls:", after - before)

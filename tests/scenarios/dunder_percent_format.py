# str % value where str() or repr() of the value is a method of the
# program's class (no argument tuple: 3.11+ folds `'...' % (a, b)` into an
# f-string, which heapsim refuses for such values): the method runs when the
# format reaches it, with width and flags applied to its text.
import sys
import gc


class P:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        print("  repr", self.x, sys.getrefcount(self))
        return "P(" + str(self.x) + ")"


class S:
    def __str__(self):
        print("  str", sys.getrefcount(self))
        return "S!"


gc.collect()
p, q, s = P(1), P(2), S()
print("%s" % p)
print("%r" % p)
print("[%-8s|" % [p] + "%8s]" % s)
print("%s" % [p, q])
print("%s" % {"k": q})
print("%.3s" % s)
text = "value: %s" % s
print(text, sys.getsizeof(text))
try:
    print("%d" % p)
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % [p])
except TypeError as e:
    print("TypeError:", e)

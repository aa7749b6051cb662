import gc
import sys


def build(n):
    s = ""
    for i in range(n):
        s += "x"
    return s


gc.collect()
# string += builds new strings; sizes grow by one byte per character
s = build(10)
print(len(s), sys.getsizeof(s))
t = s
s += "y"
print(t is s, len(t), len(s), sys.getsizeof(s))
parts = []
for i in range(5):
    parts.append(str(i))
joined = "".join(parts)
summed = ""
for p in parts:
    summed = summed + p
print(joined, summed, joined == summed, joined is summed, sys.getsizeof(joined) == sys.getsizeof(summed))
w = "\u00e9"
w += "a"
print(len(w), sys.getsizeof(w))
w += "\u20ac"
print(len(w), sys.getsizeof(w))
w += "\U0001f600"
print(len(w), sys.getsizeof(w))
print(sys.getsizeof(build(100)), sys.getsizeof(build(0)), build(0) == "")

import gc
import sys

gc.collect()
# dict size under each method; deletion never shrinks, clear does
d = {}
for i in range(5):
    d[i] = i
print(len(d), sys.getsizeof(d))
print(d.setdefault(5, "five"), d.setdefault(0, "zero"), len(d), sys.getsizeof(d))
d.update({10: 1, 11: 2})
d.update([(12, 3), (13, 4)])
d.update({"a": 1})
print(len(d), sys.getsizeof(d))
print(d.pop(10), d.pop(99, "none"), len(d), sys.getsizeof(d))
print(d.popitem(), d.popitem(), len(d), sys.getsizeof(d))
print(d.get(1), d.get(42), d.get(42, "dflt"), len(d.keys()), len(d.values()), len(d.items()))
c = d.copy()
print(len(c), sys.getsizeof(c), c == d, c is d)
for k in list(d.keys()):
    if k != 0:
        del d[k]
print(d, sys.getsizeof(d))
d.clear()
print(d, sys.getsizeof(d))
d["x"] = 1
print(sys.getsizeof(d))
e = {"p": 1, "q": 2}.copy()
print(e, sys.getsizeof(e))
big = {}
for i in range(50):
    big[i] = None
print(sys.getsizeof(big), sys.getsizeof(big.copy()), sys.getsizeof(dict(big)))
for i in range(45):
    del big[i]
print(len(big), sys.getsizeof(big), sys.getsizeof(big.copy()))
sd = {}
for w in ["one", "two", "three", "four"]:
    sd[w] = len(w)
print(sys.getsizeof(sd), sys.getsizeof(sd.copy()))
sd[1] = 1
print(sys.getsizeof(sd))

# collections.Counter's edges: an unhashable item mid-update (the counts
# before it kept), a str count that cannot add 1, update/subtract from a
# mapping and keywords together, a defaultdict as source, large and
# negative counts, bool and 10**30 counts, generators, sets and views
# counted, most_common(n=...) and with a bool n, elements() skipping counts
# below 1, dict methods (pop, popitem, setdefault, clear, reversed), the
# 3.10+ order comparisons, and which results share a count object with
# their operand (| and & keep it, + and a non-empty update() add 0 to it: a
# new int).
import sys
from collections import Counter, defaultdict, OrderedDict
c = Counter("ab")
try:
    c.update(["x", "y", [1], "z"])
except TypeError as e:
    print("TypeError", e)
print(c)
c["s"] = "str"
try:
    c.update("s")
except TypeError as e:
    print("TypeError", e)
print(len(c))
del c["s"]
c.update({"a": 5, "q": 2}, a=1)
print(c)
c.subtract({"a": 1}, q=2)
c.subtract("aab")
print(c)
d = defaultdict(int, a=3)
c.update(d)
print(c, Counter(d), Counter(d) == Counter(a=3))
print(Counter(k=1000) + Counter(k=24), Counter(k=-1000) - Counter(k=1), -Counter(k=-300))
big = Counter(x=10 ** 30, y=True)
print(big, big + big, big.most_common(1), big | Counter(y=2))
g = (ch for ch in "hello")
print(Counter(g), Counter(range(3)), Counter({1, 2}), Counter(frozenset([3])))
print(Counter(c.keys()), Counter(c.values()))
print(Counter(a=3).most_common(n=1))
print(sorted(Counter(a=3, b=3, c=1).elements()), list(Counter(z=0, w=2).elements()))
try:
    print(c.total())
except AttributeError:
    print("no total")
e = Counter(a=1)
e["b"] += 5
e["c"] -= 2
print(e, +e, -e, len(e))
f = e.copy()
f.clear()
print(f, e)
print(e.pop("a"), e.popitem(), e.setdefault("z", 4), e)
print(list(reversed(Counter("abc"))))
print(Counter("abc") == Counter("cba"), Counter(a=0) == Counter(), Counter(a=1) <= Counter(a=1, b=1) if sys.version_info >= (3, 10) else "-")
print(Counter(a=2) > Counter(a=1) if sys.version_info >= (3, 10) else "-", Counter(a=1) >= Counter(a=1, b=-1) if sys.version_info >= (3, 10) else "-")
n = 10 ** 25
r = sys.getrefcount(n)
s = Counter(k=n) + Counter()
u = Counter(k=n) | Counter()
v = Counter(k=n) & Counter(k=n + 1)
w = Counter({"k": n})
x = Counter(j=1)
x.update({"k": n})
print(sys.getrefcount(n) - r, s["k"] is n, u["k"] is n, v["k"] is n, w["k"] is n, x["k"] is n)
y = Counter(k=n)
y += Counter()
y |= Counter(k=1)
print(y["k"] is n, sys.getrefcount(n) - r)
print(Counter("abca").most_common(True), Counter("abca").most_common(False))

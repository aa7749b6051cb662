import weakref, gc, sys
gc.collect()
class Widget:
    def __init__(self, name):
        self.name = name
wk = weakref.WeakKeyDictionary()
w1 = Widget("w1")
w2 = Widget("w2")
wk[w1] = "first"
wk[w2] = [1, 2]
print(len(wk), w1 in wk, "w1" in wk, 5 in wk, wk[w1], wk.get(w2), wk.get(Widget("tmp"), "none"))
print([k.name for k in wk.keys()], list(wk.values()), [(k.name, v) for k, v in wk.items()])
wk[w1] = "again"
print(len(wk), wk[w1], weakref.getweakrefcount(w1))
print(wk.setdefault(w1, "x"), wk.setdefault(Widget("gone"), "y"), len(wk))
del w2
print(len(wk), [k.name for k in wk])
print(wk.pop(w1), len(wk), wk.pop(w1, "absent"))
try:
    wk["str"] = 1
except TypeError as e:
    print("TypeError", e)
try:
    wk.get(3)
except TypeError as e:
    print("TypeError", e)
wk[w1] = 10
del wk[w1]
print(len(wk), bool(wk))
s = weakref.WeakSet()
a = Widget("a")
b = Widget("b")
s.add(a)
s.add(a)
print(len(s), a in s, b in s, 3 in s, [x.name for x in s])
s.add(b)
print(len(s), weakref.getweakrefcount(a))
s.discard(b)
s.discard(b)
print(len(s))
s.add(b)
del b
print(len(s))
s.remove(a)
print(len(s), bool(s))
try:
    s.add("text")
except TypeError as e:
    print("TypeError", e)
def f():
    pass
s.add(f)
print(len(s), f in s)
del f
print(len(s))
print(type(s), type(wk), isinstance(s, weakref.WeakSet))
print(sys.getsizeof(s), sys.getsizeof(wk))
c = Widget("cycle")
c.me = c
s.add(c)
wk[c] = "cyc"
del c
print(len(s), len(wk))
print(gc.collect())
print(len(s), len(wk))

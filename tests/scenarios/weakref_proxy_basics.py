# weakref.proxy: the shared callback-less proxy and new ones with callbacks,
# their place in getweakrefs, sizes, reference counts, GC tracking, the
# type names per version, attribute access and the operations forwarded to
# the referent, and ReferenceError once the referent died.
import gc
import sys
import weakref


class Node:
    def __init__(self, v):
        self.v = v

    def double(self):
        return self.v * 2

    def __len__(self):
        return self.v

    def __repr__(self):
        return "Node(%d)" % self.v


class Plain:
    pass


def add(a, b):
    return a + b


gc.collect()

n = Node(3)
print("refcount before", sys.getrefcount(n))
p = weakref.proxy(n)
print("refcount after", sys.getrefcount(n), sys.getrefcount(p))
print("forwarded", p.v, p.double(), len(p), bool(p), str(p), p)
print(f"f-string {p} {p!s}")
print("size", sys.getsizeof(p), gc.is_tracked(p))
print("type", type(p).__name__, type(p) is weakref.ProxyType, isinstance(p, weakref.ProxyType))
print("isinstance forwarded", isinstance(p, Node), isinstance(p, object), isinstance(p, weakref.ref))
print("types", weakref.ProxyType, weakref.CallableProxyType, weakref.ProxyTypes)
print("shared", weakref.proxy(n) is p, weakref.proxy(n, None) is p, sys.getrefcount(p))
print("count", weakref.getweakrefcount(n))
r = weakref.ref(n)
print("ref and proxy", weakref.getweakrefcount(n), weakref.ref(n) is r)
refs = weakref.getweakrefs(n)
print("order", refs[0] is r, refs[1] is p)
del refs


def report(proxy):
    print("callback got", type(proxy).__name__)


p2 = weakref.proxy(n, report)
p3 = weakref.proxy(n, report)
r2 = weakref.ref(n, report)
print("with callbacks", p2 is p3, p2 is p, weakref.getweakrefcount(n))
refs = weakref.getweakrefs(n)
print("order with callbacks", [x is r for x in refs], [x is p for x in refs],
      [x is r2 for x in refs], [x is p3 for x in refs], [x is p2 for x in refs])
del refs

print("compare", p == n, p != n, n == p, p == p2, p == 1, 1 == p)
p.w = 5
print("setattr", n.w, p.w)
del p.w
print("delattr", hasattr(n, "w"), hasattr(p, "w"))
try:
    p.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
try:
    {p: 1}
except TypeError as e:
    print("TypeError", e)
try:
    p + 1
except TypeError as e:
    print("TypeError", e)
try:
    p[0]
except TypeError as e:
    print("TypeError", e)

# A callable referent makes a CallableProxyType.
pf = weakref.proxy(add)
print("callable", type(pf).__name__, callable(pf), callable(p), pf(2, 3), sys.getsizeof(pf))
pp = weakref.proxy(Plain())  # the instance dies at once
try:
    pp()
except TypeError as e:
    print("TypeError", e)
for value in (5, "text", [1], None):
    try:
        weakref.proxy(value)
    except TypeError as e:
        print("TypeError", e)
try:
    weakref.proxy(p)
except TypeError as e:
    print("TypeError", e)
for call in (lambda: weakref.proxy(), lambda: weakref.proxy(n, None, 3),
             lambda: weakref.proxy(n, callback=None), lambda: weakref.ProxyType(n),
             lambda: weakref.CallableProxyType(add)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# The referent dies: the callbacks run (newest first after the basic
# references), every proxy raises ReferenceError.
print("before death", gc.get_count()[0] >= 0)
del n
print("after death", r() is None)
for call in (lambda: p.v, lambda: str(p), lambda: len(p), lambda: bool(p), lambda: p == 1,
             lambda: setattr(p, "x", 1), lambda: isinstance(p, Node), lambda: print(p),
             lambda: hasattr(p, "v")):
    try:
        print(call())
    except ReferenceError as e:
        print("ReferenceError:", e)
print("still", isinstance(p, weakref.ProxyType), isinstance(p, object), p is p2, type(p2).__name__)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
del p, p2, p3, r, r2
print("collected", gc.collect())

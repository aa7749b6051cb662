import copy
import gc
import sys


class A:
    def __init__(self, v):
        self.v = v

    def __deepcopy__(self, memo):
        # copy.py's frames hold self and the memo while this runs: the
        # callers' locals, and before 3.11 their value stacks too.
        print("in __deepcopy__", sys.getrefcount(self), sys.getrefcount(memo), len(memo))
        return A(copy.deepcopy(self.v, memo))

    def __copy__(self):
        print("in __copy__", sys.getrefcount(self))
        return A(self.v)


gc.collect()
a = A([1, 2])
b = copy.deepcopy([a, a, {"k": a}])
print("shared:", b[0] is b[1], b[2]["k"] is b[0], b[0].v == a.v, b[0].v is a.v)
c = copy.copy(a)
print("copy:", c.v is a.v)
# A memo passed in keeps what the copy recorded: the copies by id, and the
# keep-alive list under id(memo).
m = {}
d = copy.deepcopy([1, [2]], m)
print("memo:", len(m), sys.getrefcount(d), m[id(m)][0] == [2], sys.getrefcount(m[id(m)]))
e = copy.deepcopy([3, [4]], memo=None)
f = copy.deepcopy(x=[5])
print("keywords:", e, f)
t = (1, a)
u = copy.deepcopy(t)
print("tuple:", u is t, u[1] is a, sys.getrefcount(a), sys.getrefcount(t))

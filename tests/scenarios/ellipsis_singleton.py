import copy
import gc
import sys


def stub():
    ...


class Protocol:
    def method(self):
        ...

    def size(self):
        return ...


gc.collect()
# `...` is the Ellipsis singleton: one static 16-byte object, never allocated
x = ...
print(x, repr(...), str(Ellipsis), type(...), type(...) is type(Ellipsis))
print(... is Ellipsis, x is Ellipsis, ... == Ellipsis, bool(...), ... is not None)
print(sys.getsizeof(...), sys.getsizeof(Ellipsis) == sys.getsizeof(None))
print(gc.is_tracked(...), hash(...) == hash(Ellipsis))
# `...` as a statement or body: a stub returns None
print(stub(), Protocol().method(), Protocol().size())
# folded into constant tuples, held by containers like any object
t = (1, ..., "a")
print(t, t[1] is ..., [..., ...], {...: 1}[...], sys.getsizeof(t))
print(copy.copy(...) is ..., copy.deepcopy([...])[0] is ..., [...].count(...))
# immortal from 3.12: its count is fixed
if sys.version_info >= (3, 12):
    print(sys.getrefcount(...), sys.getrefcount(Ellipsis))
else:
    print("counted")

# What a class's mappingproxy refuses: item assignment and deletion, a
# missing key (KeyError), unhashable keys, hash(), attribute writes, other
# operators and its methods' argument errors, per version.
import gc
import sys


class Shape:
    sides = 4

    def area(self):
        return 0


gc.collect()


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


proxy = Shape.__dict__


def assign():
    proxy["sides"] = 3


def delete():
    del proxy["sides"]


def augment():
    proxy["sides"] += 1


def in_place_or():
    global proxy
    proxy |= {}


show("assign", assign)
show("delete", delete)
show("augment", augment)
show("missing", lambda: proxy["nope"])
show("unhashable key", lambda: proxy[[]])
show("unhashable in", lambda: [] in proxy)
show("hash", lambda: hash(proxy))
show("setattr", lambda: setattr(proxy, "x", 1))
show("getattr", lambda: proxy.nope)
show("no pop", lambda: proxy.pop("sides"))
show("no update", lambda: proxy.update({}))
show("add", lambda: proxy + 1)
show("or int", lambda: proxy | 1)
show("int or", lambda: 1 | proxy)
show("set or", lambda: {1} | proxy)
show("in place or", in_place_or)
proxy = Shape.__dict__
show("less", lambda: proxy < {})
show("int less", lambda: 1 < proxy)
show("call", lambda: proxy())
show("keys arg", lambda: proxy.keys(1))
show("copy arg", lambda: proxy.copy(1))
show("get none", lambda: proxy.get())
show("get three", lambda: proxy.get(1, 2, 3))
show("get keyword", lambda: proxy.get(key=1))
show("items keyword", lambda: proxy.items(k=1))
show("isinstance", lambda: isinstance(proxy, dict))
show("vars of proxy", lambda: vars(proxy))
show("len", lambda: len(proxy))
show("negate", lambda: -proxy)
show("sides", lambda: Shape.sides)
if sys.version_info < (3, 9):
    show("reversed", lambda: reversed(proxy))

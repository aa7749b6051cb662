# collections.OrderedDict's order: insertion order kept through value
# replacement, deletion and re-insertion (at the end), move_to_end to
# either end, popitem from either end, KeyError for missing keys and for an
# empty one, equality (order-sensitive between OrderedDicts only), repr
# (a list of pairs before 3.12, a dict from 3.12) including inside itself,
# construction from pairs, a dict and keywords.
import gc
from collections import OrderedDict

gc.collect()

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od)
od["b"] = 10
print(od)
del od["b"]
od["b"] = 20
print(od)
od.move_to_end("a")
print(od)
od.move_to_end("b", last=False)
print(od)
od.move_to_end("b", False)
print(od)
print(od.popitem(), od)
print(od.popitem(last=False), od)
print(od.popitem(False), od, len(od))
try:
    od.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
od["q"] = 1
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
try:
    del od["zz"]
except KeyError as e:
    print("KeyError", e)
try:
    od[[1]] = 2
except TypeError as e:
    print("TypeError", e)
print(od.get("q"), od.get("zz"), od.get("zz", 5), "q" in od, "zz" in od, od["q"])

a = OrderedDict([(1, "one"), (2, "two")])
b = OrderedDict([(2, "two"), (1, "one")])
print(a == b, a != b, a == {2: "two", 1: "one"}, {2: "two", 1: "one"} == a, b == {1: "one", 2: "two"})
b.move_to_end(1, last=False)
print(a == b, a != b)
print(OrderedDict({"z": 1, "y": 2}), OrderedDict(k=1, j=2), OrderedDict([("p", 1)], q=2))
print(OrderedDict([["l", 1], ("m", 2)]), OrderedDict(()), OrderedDict([]))
try:
    OrderedDict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
try:
    OrderedDict([(1,)])
except ValueError as e:
    print("ValueError", e)
try:
    OrderedDict([()])
except ValueError as e:
    print("ValueError", e)
try:
    OrderedDict([1], [2])
except TypeError as e:
    print("TypeError", e)

me = OrderedDict()
me["self"] = me
me["list"] = [me]
print(me)
print([me])
print(str(OrderedDict(a=1)), repr(OrderedDict()))
me.clear()
nested = OrderedDict(inner=OrderedDict(x=1))
print(nested, {"k": nested})

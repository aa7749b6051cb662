# collections.defaultdict: grouping words by their first letter, the sizes
# as the table grows (dict's growth plus the factory pointer; 3.8 and 3.9
# start with an 8-slot table), missing keys made by the factory, a None
# factory's KeyError, reprs (nested and self-containing), copy(), dict
# methods and equality, sets made from one (iterated: not an exact dict),
# isinstance/issubclass, the constructor's errors.
import gc
import sys
from collections import defaultdict

gc.collect()

words = ["apple", "avocado", "banana", "blueberry", "cherry", "cranberry", "date",
         "elderberry", "fig", "grape", "guava", "kiwi", "lemon", "lime", "mango"]
groups = defaultdict(list)
print("empty", sys.getsizeof(groups), sys.getsizeof({}), sys.getsizeof(dict()))
sizes = []
for w in words:
    groups[w[0]].append(w)
    sizes.append(sys.getsizeof(groups))
print("sizes", sizes)
print("groups", groups)
print("len", len(groups), sorted(groups), groups["a"], "z" in groups, groups.get("z"))
print("miss", groups["z"], len(groups), "z" in groups)
print("factory", groups.default_factory, type(groups).__name__, type(groups))
print("isinstance", isinstance(groups, dict), isinstance(groups, defaultdict),
      isinstance({}, defaultdict), issubclass(defaultdict, dict), issubclass(dict, defaultdict))

counts = defaultdict(int)
for w in words:
    counts[len(w)] += 1
print("counts", counts, sys.getsizeof(counts))
print("equal", counts == dict(counts), dict(counts) == counts, counts == {})

keyed = defaultdict(list, {"a": 1}, b=2)
print("keyed", keyed, sys.getsizeof(keyed))
pairs = defaultdict(str, [("x", 1), ("y", 2)])
print("pairs", pairs, sys.getsizeof(pairs))
bare = defaultdict()
print("bare", bare, bare.default_factory, sys.getsizeof(bare))
try:
    bare["k"]
except KeyError as e:
    print("KeyError", e)
none = defaultdict(None, {1: 2})
try:
    none[3]
except KeyError as e:
    print("KeyError", e)

c = groups.copy()
print("copy", c == groups, c is groups, type(c).__name__, sys.getsizeof(c), c.default_factory)
c.default_factory = set
c["q"].add(1)
print("set factory", c["q"], groups.get("q"), c.default_factory)

nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
nested["a"]["c"] += 1
print("nested", len(nested), dict(nested["a"]), sys.getsizeof(nested["a"]))
inner = defaultdict(dict)
inner[1] = inner
print("self", inner)
print("repr nested", repr(defaultdict(list, {1: defaultdict(int)})))

m = defaultdict(list, a=1, b=2)
print("pop", m.pop("a"), m.setdefault("c", 3), m.popitem(), m)
m.update({"d": 4})
m.update(e=5)
print("update", m, len(m))
m.clear()
print("clear", m, sys.getsizeof(m))
del groups["a"]
print("del", sorted(groups)[:3], len(groups))
print("dict of", dict(groups) == groups, sorted(dict(groups))[:2], list(groups)[:2])

squares = defaultdict(int)
for i in range(20):
    squares[i] += i * i
print("set of", sys.getsizeof(set(squares)), sys.getsizeof(set(dict(squares))),
      len(set(range(30)).difference(squares)), len(set(range(30)).symmetric_difference(squares)),
      sys.getsizeof(list(squares)), sys.getsizeof(tuple(squares)))

for bad in (5, "x", [1]):
    try:
        defaultdict(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    defaultdict(list, {}, {})
except TypeError as e:
    print("TypeError", e)
try:
    defaultdict(list, 5)
except TypeError as e:
    print("TypeError", e)
try:
    hash(groups)
except TypeError as e:
    print("TypeError", e)
try:
    groups + 1
except TypeError as e:
    print("TypeError", e)
try:
    groups.nothing
except AttributeError as e:
    print("AttributeError", e)

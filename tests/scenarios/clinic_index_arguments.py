# The TypeError a non-int index or count gets: Argument Clinic's Py_ssize_t
# converter says "integer argument expected, got float" for a float on 3.8 and
# 3.9; index()'s start and stop are slice indices (their own TypeError, and a
# huge int is clamped, not an OverflowError).
import collections
import array

tests = [
    ("round", lambda: round(2.5, 1.5)),
    ("enumerate", lambda: enumerate([], 1.5)),
    ("int base", lambda: int("1", 1.5)),
    ("ba.insert", lambda: bytearray(b"ab").insert(1.5, 1)),
    ("ba.append", lambda: bytearray(b"ab").append(1.5)),
    ("ba.pop", lambda: bytearray(b"ab").pop(1.5)),
    ("b.replace", lambda: b"ab".replace(b"a", b"b", 1.5)),
    ("b.split", lambda: b"a b".split(b" ", 1.5)),
    ("list.pop", lambda: [1].pop(1.5)),
    ("list.insert", lambda: [1].insert(1.5, 2)),
    ("s.replace", lambda: "ab".replace("a", "b", 1.5)),
    ("list.index", lambda: [1].index(1, 1.5)),
    ("tuple.index", lambda: (1,).index(1, 1.5)),
    ("deque.rotate", lambda: collections.deque([1]).rotate(1.5)),
    ("array.pop", lambda: array.array("i", [1]).pop(1.5)),
    ("array.insert", lambda: array.array("i", [1]).insert(1.5, 2)),
    ("list.index big", lambda: [1].index(1, 10**30)),
    ("list.index -big", lambda: [1].index(1, -10**30)),
    ("list.index stop", lambda: [1].index(1, 0, 1.5)),
    ("tuple.index big", lambda: (1,).index(1, 0, 10**30)),
    ("list.pop big", lambda: [1].pop(10**30)),
]
for name, t in tests:
    try:
        print(name, t())
    except (TypeError, ValueError, OverflowError, IndexError) as e:
        print(name, type(e).__name__, e)

import gc
import sys

gc.collect()
# the same items, containers built by different routes: sizes differ by preallocation
items = [5, 3, 8, 1, 9, 2, 7]
print(sys.getsizeof(items), sys.getsizeof(list(items)), sys.getsizeof(items[:]))
print(sys.getsizeof(sorted(items)), sys.getsizeof(list(reversed(items))))
print(sys.getsizeof([v for v in items]), sys.getsizeof(list(v for v in items)))
print(sys.getsizeof(tuple(items)), sys.getsizeof(tuple(v for v in items)))
print(sys.getsizeof(set(items)), sys.getsizeof(frozenset(items)), sys.getsizeof({v for v in items}))
print(sys.getsizeof(list(set(items))), sys.getsizeof(list(enumerate(items))))
pairs = list(zip(items, items))
print(sys.getsizeof(pairs), sys.getsizeof(pairs[0]), sys.getsizeof(dict(pairs)))
print(sys.getsizeof({k: k for k in items}), sys.getsizeof(dict(zip(items, items))))
d = {"a": 1, "b": 2, "c": 3}
print(sys.getsizeof(list(d)), sys.getsizeof(list(d.keys())), sys.getsizeof(list(d.items())))
print(sys.getsizeof(tuple(d.values())), sys.getsizeof(set(d)), sys.getsizeof(sorted(d)))
print(sys.getsizeof(list("hello")), sys.getsizeof(tuple("hello")), sys.getsizeof(set("aaa")))
print(sys.getsizeof(list(range(0))), sys.getsizeof(list(range(1))), sys.getsizeof(list(range(5))))
print(sys.getsizeof(items * 2), sys.getsizeof(items + items), sys.getsizeof(items[::2]))
print(sys.getsizeof(dict()), sys.getsizeof(dict(d)), sys.getsizeof(d.copy()), sys.getsizeof(dict([("a", 1)])))

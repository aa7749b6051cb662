import gc
import sys
import tracemalloc

gc.collect()
# Wrong argument counts and stray keywords: each builtin's TypeError names it
# as its calling convention does, and nothing it would have changed changes
data = [1, 2]
table = {"a": 1}
try:
    data.append()
except TypeError as e:
    print(e)
try:
    data.append(3, 4)
except TypeError as e:
    print(e)
try:
    data.append(item=3)
except TypeError as e:
    print(e)
try:
    data.insert(1)
except TypeError as e:
    print(e)
try:
    data.pop(1, 2)
except TypeError as e:
    print(e)
try:
    data.clear(1)
except TypeError as e:
    print(e)
try:
    table.pop()
except TypeError as e:
    print(e)
try:
    table.update(1, 2)
except TypeError as e:
    print(e)
try:
    table.keys(1)
except TypeError as e:
    print(e)
try:
    len()
except TypeError as e:
    print(e)
try:
    len(data, table)
except TypeError as e:
    print(e)
try:
    len(obj=data)
except TypeError as e:
    print(e)
try:
    sys.getrefcount()
except TypeError as e:
    print(e)
try:
    sys.getsizeof(1, 2, 3)
except TypeError as e:
    print(e)
try:
    gc.collect(1, 2)
except TypeError as e:
    print(e)
try:
    gc.get_count(1)
except TypeError as e:
    print(e)
try:
    gc.is_tracked()
except TypeError as e:
    print(e)
try:
    tracemalloc.start(1, 2)
except TypeError as e:
    print(e)
try:
    tracemalloc.is_tracing(1)
except TypeError as e:
    print(e)
try:
    "a,b".split(",", 1, 2)
except TypeError as e:
    print(e)
try:
    "ab".upper(1)
except TypeError as e:
    print(e)
try:
    KeyError(key="a")
except TypeError as e:
    print(e)
try:
    list(items=data)
except TypeError as e:
    print(e)
for bad in [lambda: "a".split(1), lambda: "a".strip(1), lambda: "a".replace(1, "b"),
            lambda: "a".startswith(1), lambda: "a".find(1), lambda: "a".count(1)]:
    try:
        bad()
    except TypeError as e:
        print(e)
# The keywords these builtins do take
print("a b c".split(maxsplit=1), "a,b".split(sep=","), int("ff", base=16))
print(sum(data, start=10), round(2.567, ndigits=1), list(enumerate("ab", start=3)))
print(gc.collect(generation=0))
print(data, table, sys.getsizeof(data), sys.getsizeof(table))

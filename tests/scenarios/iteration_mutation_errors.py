# A dict or set changed while a loop iterates it: CPython's iterators note
# the container's size and the items left, and raise RuntimeError at the
# next step ("changed size" sticks and keeps the container held; "keys
# changed" lets it go). Refcounts show which.
import sys

d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("dict grew:", e, len(d))

s = {1, 2}
try:
    for k in s:
        s.add(k + 10)
except RuntimeError as e:
    print("set grew:", e, len(s))

d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("dict shrank:", e, d)

d = {1: 1, 2: 2}
for k in d:
    d[k] = k * 5
print("values replaced:", d)

d = {1: 1, 2: 2}
try:
    for k in d:
        d.pop(k)
        d[k + 10] = 1
except RuntimeError as e:
    print("keys swapped:", e, d)

d = {"a": 1, "b": 2}
it = iter(d)
print(next(it), sys.getrefcount(d))
d["c"] = 3
for attempt in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("sticky:", e, sys.getrefcount(d))
del d["c"]
try:
    print("after restoring the size:", next(it))
except RuntimeError as e:
    print("still:", e)

d = {"a": 1, "b": 2}
it = iter(d.items())
print(next(it))
del d["a"]
d["z"] = 0
try:
    next(it)
    next(it)
except RuntimeError as e:
    print("items:", e, sys.getrefcount(d))
try:
    next(it)
except StopIteration:
    print("exhausted after the error", sys.getrefcount(d))

s = {1, 2, 3}
it = iter(s)
next(it)
s.discard(3)
s.add(4)
print("set, same size:", sorted(it))
s = {1, 2}
it = iter(s)
s.clear()
try:
    next(it)
except RuntimeError as e:
    print("cleared:", e, sys.getrefcount(s))

# A builtin whose parser takes keyword arguments makes the tuple of their
# names the first time it parses keywords (3.8 to 3.11) and keeps it: one
# GC-tracked tuple more in gc.get_count(). From 3.12 the tuples are static.
# sorted() hands its keywords to list.sort, so the two share one parser.
import gc

gc.collect()
print(gc.get_count())
a = sorted([3, 1, 2])
print(gc.get_count())
b = sorted([3, 1, 2], key=None)
print(gc.get_count())
b.sort(reverse=True)
print(gc.get_count(), b)
words = "a b  c".split(sep=None)
print(gc.get_count(), words)
more = "a,b".split(sep=",")
print(gc.get_count(), more)
data = "hello".encode(encoding="utf-8")
print(gc.get_count(), data)
text = data.decode(errors="strict")
print(gc.get_count(), text)
r = round(2.567, ndigits=1)
print(gc.get_count(), r)
print(max([1, 2], key=None), min([3, 4], key=None), max([], key=None, default=0))
gc.collect()
print(gc.get_count())
n = int("ff", base=16)
gc.collect()
print(n, gc.get_count())
it = list(enumerate("ab", start=1))
print(gc.get_count(), it)

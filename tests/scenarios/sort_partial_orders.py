# list.sort's comparison order decides the result when `<` is not a total
# order: NaN among floats (3.13 finds runs differently), sets ordered by
# inclusion, and which pair of a mixed list raises TypeError (the list is
# left partly sorted). Long lists of numbers sort as any stable sort would.
import gc

gc.collect()
n = float('nan')
cases = [
    [3, 4.0, 3, 3, 3.0, 3.0, 4.0, 3, 4.0],
    [1.0, 3, 4.0, 3.0, 2],
    [3, 1.0, n, 3.0, 2.0, 1.0, n, 4.0, 3, 2, 2],
    [4.0, 3.0],
    [2, 2, 4.0, 2, 1.0, 4.0, n, 3, 4.0],
    [n, n, 1.0],
    [4.0, n, 3, 3.0, 2.0],
    [4.0, 3, 1.0, 4.0, 1.0, 2, 2.0, 3.0, n],
    [n, 3.0, 2, 2.0, 3.0, 4.0, 3, n, 2, 2.0, 2.0, 3],
    [4.0, 2.0, n, n, 4.0],
    [n, 3.0, n, 3, 2.0, 3.0, n, n, 3, 2, n, 1.0, 1.0, n],
    [3.0, 2, 3.0, 3.0, n, 4.0, 2, 1.0, 3],
    [2.0, 2.0, n, 2.0, 2.0, n, 3.0, 3, n, 1.0, 1.0, 2],
    [n, n, 3.0],
    [3.0, 1.0, 2, 4.0, 1.0, 3.0, 4.0, 1.0, 2, 3, 1.0, 3.0, 2, 3.0],
    [3.0, 3.0, 1.0],
    [2.0, 3],
    [4.0, 2.0, n, 1.0, 1.0, 3.0, 3, 4.0, 2, 4.0, n, n, 1.0, 1.0],
    [2.0, n, 3, 4.0, 2.0, 3, 2.0, 3.0, n],
    [n, 1.0, 4.0],
    [1.0, n, 4.0, 2.0, 2.0, 4.0, 3.0, 1.0, 4.0, 3.0, 3, 4.0],
    [3, 3.0, 1.0, 2],
    [2.0, 1.0, 3, 4.0],
    [2, 1.0, 1.0, 2, 2],
    [1.0, 2, 3.0, 3.0, 4.0, n, 3.0, n, n, n],
    [4.0, 2.0],
    [2, 2, 3.0, 2.0, 3.0],
    [3.0, 2.0, 4.0, 1.0, 2, n, 1.0, 1.0, 3.0, 4.0, 2],
    [4.0, n, 2.0, 1.0, 1.0, 2, n, n, 2.0, 3.0, 3.0],
    [n, n, 1.0, 2.0, 2.0],
    [4.0, 1.0, n, 2.0, 1.0, 3.0, 2.0, 2, 2, 2],
    [4.0, 1.0, 4.0, n, n, 3.0, 2.0, 2, 2.0, n],
    [4.0, 2],
    [3.0, n, 2],
    [2.0, 1.0, n, n, 3.0, 4.0],
    [2, n, 2, 2, 2, 1.0, 3],
    [2.0, n, 2, 3.0, n, 3, 3],
    [3, n, 3, 3.0, 4.0, n, 4.0, 2],
    [3.0, 4.0, n, 4.0, n, n, n, 2],
    [2.0, 3.0, 2],
]
for l in cases:
    print(sorted(l), sorted(l, reverse=True))
for l in cases[:10]:
    m = list(l)
    m.sort(key=lambda v: -v)
    print(m)
s = [{1}, {2}, {1, 2}, {3}, {1, 2, 3}, set(), {2, 3}]
print(sorted(s), sorted(s, reverse=True))
for mixed in ([1, 'a', 2], ['a', 1], [1, 2, 'b', 3], [3, 2, 1, 'x'], [1, 1, (1,), 2]):
    try:
        mixed.sort()
    except TypeError as e:
        print(e, mixed)
big = [(i * 37) % 101 + (0.5 if i % 3 else 0) for i in range(100)]
print(sorted(big)[:8], sorted(big, reverse=True)[:8])

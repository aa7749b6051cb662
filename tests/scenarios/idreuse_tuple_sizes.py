import gc

gc.collect()
# each tuple length has its own free list: a freed tuple is reused by the next of its length
x = [0]
t1 = (x,)
t2 = (x, x)
t3 = (x, x, x)
i1, i2, i3 = id(t1), id(t2), id(t3)
del t1, t2, t3
n3 = (x, 1, 2)
n1 = (x,)
n2 = (x, 2)
print(id(n1) == i1, id(n2) == i2, id(n3) == i3)
big = tuple(range(30))
bid = id(big)
del big
other = tuple(range(30))
print(id(other) == bid)
seen1 = set()
seen2 = set()
for i in range(50):
    a = (i,)
    seen1.add(id(a))
for i in range(50):
    b = (i, i)
    seen2.add(id(b))
print(len(seen1), len(seen2), len(seen1 & seen2))
pairs = [(i, -i) for i in range(10)]
ids = set(id(p) for p in pairs)
del pairs
again = [(i, i) for i in range(10)]
print(len(ids & set(id(p) for p in again)))

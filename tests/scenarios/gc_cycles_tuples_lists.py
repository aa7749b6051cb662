import gc

gc.collect()
# cycles through tuples and lists; what gc.collect() counts as unreachable
a = []
t = (a, 1, "x")
a.append(t)
del a, t
print(gc.collect())
a = []
b = []
t = (a, b)
a.append(t)
b.append(t)
del a, b, t
print(gc.collect())
a = []
for i in range(4):
    a.append((i, [i]))
a.append(a)
del a
print(gc.collect())
chain = []
node = chain
for i in range(10):
    nxt = [i]
    node.append(nxt)
    node = nxt
node.append(chain)
del chain, node, nxt
print(gc.collect())
holder = [[], [], []]
for inner in holder:
    inner.append(holder)
del holder, inner
print(gc.collect())
x = []
x.append(x)
x.append(x)
x.append(x)
del x
print(gc.collect())
print(gc.collect())

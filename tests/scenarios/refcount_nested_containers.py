import gc
import sys

gc.collect()
# references held by nested containers and released by their removal
leaf = [0]
row = [leaf, leaf, leaf]
grid = [row, row]
table = {"a": row, "b": (leaf, row)}
print(sys.getrefcount(leaf), sys.getrefcount(row))
print(len(gc.get_referents(row)), len(gc.get_referents(table)), len(gc.get_referents(grid)))
copy1 = row.copy()
print(sys.getrefcount(leaf), sys.getrefcount(row))
shallow = grid[:]
print(sys.getrefcount(row), shallow[0] is grid[0])
deep = [r[:] for r in grid]
print(sys.getrefcount(row), sys.getrefcount(leaf), deep[0] is row)
del table["b"]
print(sys.getrefcount(leaf), sys.getrefcount(row))
grid.clear()
shallow = None
print(sys.getrefcount(row))
deep = copy1 = None
print(sys.getrefcount(leaf))
s = {(1, 2), (3, 4)}
t = (leaf,) * 4
print(sys.getrefcount(leaf), len(t), sys.getsizeof(t))
m = [t] * 3
del t
print(sys.getrefcount(leaf), sys.getrefcount(m[0]))
fz = frozenset([(7, 8)])
print(len(gc.get_referents(fz)), len(gc.get_referents(s)))

import sys, gc
def outer():
    x = [1, 2, 3]
    y = "label"
    def inner():
        return len(x), y
    return inner
f = outer()
cells = f.__closure__
print(type(cells).__name__, len(cells), type(cells[0]).__name__)
print(cells[0].cell_contents, cells[1].cell_contents)
print(sys.getrefcount(cells[0].cell_contents), sys.getrefcount(cells[0]), sys.getrefcount(cells))
print(sys.getsizeof(cells[0]), sys.getsizeof(cells), gc.is_tracked(cells[0]))
print(f.__closure__ is cells)
def plain():
    return 1
print(plain.__closure__)
def make():
    def g():
        return v
    c = g.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    v = 5
    return g, c
g, c = make()
print(c.cell_contents, g())
del f
print(sys.getrefcount(cells[0]), sys.getrefcount(cells[0].cell_contents))
lst = cells[0].cell_contents
del cells
print(sys.getrefcount(lst))
print(hasattr(plain, "__closure__"), callable(c))

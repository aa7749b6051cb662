# gc counts around exceptions caught at module level and inside a function
# (read after the handler: its traceback objects are gone by then; 3.11+
# keeps the frame object the traceback needed while the frame runs).
import gc


def catch_inside():
    try:
        raise ValueError
    except ValueError:
        pass
    return gc.get_count()


def fail(x):
    local = [x]
    raise KeyError(x)


def through():
    return catch_inside()


gc.collect()
a = gc.get_count()
try:
    raise ValueError("boom")
except ValueError as e:
    pass
b = gc.get_count()
try:
    [][1]
except IndexError:
    pass
c = gc.get_count()
d = catch_inside()
e = gc.get_count()
f = through()
g = gc.get_count()
try:
    fail(1)
except KeyError:
    pass
h = gc.get_count()
print(a, b, c, d, e, f, g, h)

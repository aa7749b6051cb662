# PyObject_Format (an f-string's {x}, format(x)) looks __format__ up with
# _PyObject_LookupSpecial and holds the bound method over the call: from
# 3.9 (no free list) a new builtin method is alive while the text is made,
# and a float's text is float_repr's, made while PyOS_double_to_string's
# digits buffer is alive.
import gc
import tracemalloc

x = 1.5
y = 0.001
gc.collect()
tracemalloc.start()
s = f"{x}"
print(tracemalloc.get_traced_memory())
t = f"v={y}!"
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
u = format(123.25)
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
w = f"{x!r}{y}"
print(tracemalloc.get_traced_memory())

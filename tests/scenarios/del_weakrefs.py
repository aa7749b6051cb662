# Weak references and finalizers: freed by its count, an object's weak
# references still answer inside __del__ and are cleared after it; in a
# collection they are cleared before any finalizer runs (handle_weakrefs).
import gc
import weakref


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name, [r() is None for r in refs])


gc.collect()
a = Tracked("a")
refs = [weakref.ref(a)]
del a
print("after del", refs[0]() is None)
x = Tracked("x")
y = Tracked("y")
x.other = y
y.other = x
refs = [weakref.ref(x), weakref.ref(y)]
del x, y
print("collected", gc.collect())
print([r() is None for r in refs])

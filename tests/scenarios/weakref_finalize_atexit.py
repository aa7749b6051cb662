import gc
import weakref
class Conn:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
def close(name):
    print("closing", name)
gc.collect()
a = Conn("a")
b = Conn("b")
c = Conn("c")
fa = weakref.finalize(a, close, "a")
fb = weakref.finalize(b, close, "b")
fc = weakref.finalize(c, close, "c")
def chain(name):
    print("chain", name)
    weakref.finalize(c, close, "made at exit")
fd = weakref.finalize(a, chain, "d")
cache = weakref.WeakValueDictionary()
cache["a"] = a
s = weakref.WeakSet()
s.add(b)
print("end of script", fa.alive, fb.alive, fc.alive, fd.alive)

import weakref, gc, sys
gc.collect()
class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
def cleanup(name, *rest, **options):
    print("cleanup", name, rest, sorted(options.items()))
    return "done-" + name
r = Resource("r1")
f = weakref.finalize(r, cleanup, "r1")
print(f.alive, f.atexit, weakref.getweakrefcount(r))
del r
print(f.alive, f.atexit, f(), f.peek(), f.detach())
r2 = Resource("r2")
f2 = weakref.finalize(r2, cleanup, "r2", 1, 2, level=3)
print(f2.peek()[0].name, f2.peek()[2:], f2())
print(f2.alive, f2())
r3 = Resource("r3")
f3 = weakref.finalize(r3, cleanup, "r3")
obj, func, args, kwargs = f3.detach()
print(obj.name, func is cleanup, args, kwargs, f3.alive, f3.detach())
del obj, r3
print("after detach")
r4 = Resource("r4")
def callback(ref):
    print("weakref callback", ref() is None)
w = weakref.ref(r4, callback)
f4 = weakref.finalize(r4, cleanup, "r4")
w2 = weakref.ref(r4, callback)
del r4
print("between")
# A cycle: the collector calls finalize before __del__.
c = Resource("cycle")
c.me = c
f5 = weakref.finalize(c, cleanup, "cycle")
del c
print("collecting")
print(gc.collect())
print(f5.alive)
try:
    weakref.finalize(3, cleanup)
except TypeError as e:
    print("TypeError", e)
f6 = weakref.finalize(Resource("temp"), print, "temp gone")
print(f6.alive)
print(weakref.finalize(Resource("temp2"), print, "temp2 gone").alive)
r7 = Resource("r7")
f7 = weakref.finalize(r7, cleanup, "r7")
f7.atexit = False
print(f7.atexit, type(f7).__name__, sys.getsizeof(f7), isinstance(f7, weakref.finalize))
f7.atexit = True
print(f7.atexit)
del r7
print("end")

# The temporaries of super(): before 3.12 each super().m() makes a super
# object and a bound method (3.8 takes the method from its free list), freed
# around the call; 3.12+ compiles LOAD_SUPER_ATTR, whose first run still
# makes both and whose later runs make neither for a call and only the bound
# method for super().m without a call. Counted by gc and traced by
# tracemalloc, inside a function (no globals grow).
import gc
import sys
import tracemalloc


class Base:
    def get(self):
        return 1

    def pair(self, a, b):
        return a + b


class Child(Base):
    def get(self):
        return super().get() + 1

    def get_explicit(self):
        return super(Child, self).get() + 2

    def pair(self, a, b):
        return super().pair(a, b) * 2

    def bound(self):
        return super().get

    def make(self):
        return super()


def counts(method, obj, times):
    out = []
    for _ in range(times):
        gc.collect()
        before = gc.get_count()[0]
        method(obj)
        out.append(gc.get_count()[0] - before)
    return out


def peaks(call, times):
    out = []
    for _ in range(times):
        tracemalloc.start()
        call()
        out.append(tracemalloc.get_traced_memory())
        tracemalloc.stop()
    return out


def run():
    c = Child()
    print(counts(Child.get, c, 3), counts(Child.get_explicit, c, 3), counts(Child.bound, c, 3))
    print(peaks(c.get, 3))
    print(peaks(c.get_explicit, 3))
    print(peaks(lambda: c.pair(1, 2), 3))
    print(peaks(c.bound, 3))
    c.make()
    print(peaks(c.make, 2))
    same = [id(c.make()) == id(c.make()) for _ in range(3)]
    print(same, sys.getrefcount(c))
    keep = [c.make() for _ in range(3)]
    print(len(set(map(id, keep))), sys.getrefcount(c), sys.getrefcount(Child))
    del keep
    print(sys.getrefcount(c), sys.getrefcount(Child))


gc.collect()
run()

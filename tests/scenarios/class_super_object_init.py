# super().__init__() reaching object.__init__: before 3.12 (and on 3.12's
# first run of the site) a super object and a 48-byte method-wrapper bound to
# the instance, both freed around the call; later 3.12+ runs call the slot
# wrapper unbound, allocating nothing that lasts. Arguments it cannot take
# raise object_init's TypeError.
import gc
import sys
import tracemalloc


class Base:
    def __init__(self):
        super().__init__()
        self.ready = True

    def wrapper(self):
        return super().__init__


class Named(Base):
    def __init__(self, name):
        super().__init__()
        self.name = name


class Strict:
    def __init__(self, value):
        super().__init__(value)


class Plain:
    def call(self):
        return super(Plain, self).__init__(1)


def peaks(make, times):
    out = []
    for _ in range(times):
        tracemalloc.start()
        make()
        out.append(tracemalloc.get_traced_memory()[1] > 0)
        tracemalloc.stop()
    return out


def run():
    b = Base()
    n = Named("n")
    print(b.ready, n.name, n.ready, sorted(vars(n)))
    w = b.wrapper()
    print(type(w).__name__, sys.getsizeof(w), gc.is_tracked(w), sys.getrefcount(b), w())
    del w
    print(sys.getrefcount(b))
    counts = []
    for _ in range(3):
        gc.collect()
        before = gc.get_count()[0]
        x = Base()
        counts.append(gc.get_count()[0] - before)
    print(counts)
    for make in [lambda: Strict(1), Plain().call]:
        try:
            make()
        except TypeError as e:
            print("TypeError:", e)
    ids = [id(b.wrapper()) for _ in range(3)]
    print(len(set(ids)))


gc.collect()
run()

# super()'s errors, and a module that names `super` itself: then 3.12's
# compiler makes no LOAD_SUPER_ATTR anywhere (the name could be shadowed), so
# every super().m() makes its super object and bound method again.
import gc
import tracemalloc


class Base:
    limit = 10

    def get(self):
        return 1


class Child(Base):
    def get(self):
        return super().get() + 1

    def missing(self):
        return super().nothing

    def limit_of(self):
        return super().limit

    def wrong(self):
        return super(Child, 5)

    def not_a_type(self):
        return super(5, self)


class Other:
    pass


def no_class(a):
    return super()


def no_arguments():
    return super()


def measure(c):
    out = []
    for _ in range(3):
        tracemalloc.start()
        c.get()
        out.append(tracemalloc.get_traced_memory())
        tracemalloc.stop()
    return out


gc.collect()
c = Child()
for call in [c.missing, c.wrong, c.not_a_type, lambda: no_class(1), no_arguments,
             lambda: super(Child, Other())]:
    try:
        call()
    except (TypeError, RuntimeError, AttributeError) as e:
        print(type(e).__name__, e)
print(c.limit_of(), c.limit_of(), c.get())
c.get()
print(measure(c))
try:
    super()
except RuntimeError as e:
    print("module:", e)

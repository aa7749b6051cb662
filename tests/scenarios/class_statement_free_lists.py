# What a class statement leaves on the free lists, right after a full
# collection emptied them: type(name, bases, ns)'s packed arguments (a
# 3-tuple), the copy of the class dict that set_names walks (a dict, and its
# keys where they are the smallest size), the namespace (a dict and its
# keys), before 3.11 init_subclass's packed super() arguments (a 2-tuple),
# and with __slots__ the list the slot names were sorted in. A block a free
# list serves is not traced again.
import gc
import tracemalloc

keep = [None] * 20
x = 1000

gc.collect()


class Plain:
    pass


tracemalloc.start()
keep[0] = (x, x, x)
keep[1] = (x, x, x)
keep[2] = (x, x)
keep[3] = (x, x)
keep[4] = {}
keep[5] = {}
keep[6] = {}
print("plain class", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep = [None] * 20
gc.collect()


class WithMethods:
    count = 0

    def first(self):
        return 1

    def second(self):
        return 2


tracemalloc.start()
keep[0] = {x: x}
keep[1] = {x: x}
keep[2] = {x: x}
print("methods class", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep = [None] * 20
gc.collect()


class Slotted:
    __slots__ = ("x", "y")


tracemalloc.start()
keep[0] = [x]
keep[1] = [x]
keep[2] = (x, x, x)
keep[3] = (x, x, x)
print("slotted class", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep = [None] * 20
gc.collect()


class Base:
    pass


class Derived(Base):
    def method(self):
        return 0


tracemalloc.start()
keep[0] = {x: x}
keep[1] = {x: x}
keep[2] = {x: x}
keep[3] = (x, x)
keep[4] = (x, x)
print("derived class", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep = [None] * 20
gc.collect()


class Failure(Exception):
    pass


tracemalloc.start()
keep[0] = {x: x}
keep[1] = {x: x}
keep[2] = (x, x, x)
keep[3] = (x, x, x)
print("exception class", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()

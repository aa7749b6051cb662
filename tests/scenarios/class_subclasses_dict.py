# A class's first subclass gives it a table of subclasses (tp_subclasses):
# a dict, taken from the dict free list, mapping an int of each subclass's
# address to a weak reference to it. From 3.11 the dict is freed with the
# last subclass, back onto the free list.
import gc, tracemalloc
gc.collect()
junk = [{'k': i} for i in range(20)]
del junk
class Base:
    pass
class Child(Base):
    pass
class Other(Base):
    pass
class Leaf(Child):
    pass
tracemalloc.start()
made = [{'k': i} for i in range(16)]
print(tracemalloc.get_traced_memory())
del made
tracemalloc.stop()
del Leaf
gc.collect(0)
tracemalloc.start()
made = [{'k': i} for i in range(16)]
print(tracemalloc.get_traced_memory())

# Before 3.11, deleting an attribute of an instance (whether it has it or
# not) makes its class stop sharing its instances' keys: later instances
# get dicts of their own, the dict that held the keys now owns them (its
# getsizeof counts them), and the deleting instance gets a dict even if it
# had none. From 3.11 the keys stay shared.
import gc
import sys
import tracemalloc


class Point:
    def __init__(self, x):
        self.x = x


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Empty:
    pass


gc.collect()

first = Point(1)
first.y = 2
print('shared', sys.getsizeof(first.__dict__))
try:
    del first.z
except AttributeError as e:
    print('AttributeError', e)
print('after a failed del', sys.getsizeof(first.__dict__))
later = Point(3)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
later.w = 5
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print('a new attribute on a later instance', after[0] - before, after[1] - before)
print(sys.getsizeof(later.__dict__))

p = Pair(1, 2)
q = Pair(3, 4)
del p.a
print('after del', sys.getsizeof(p.__dict__), sys.getsizeof(q.__dict__), p.__dict__)
print(q.__dict__.pop('a'), sys.getsizeof(q.__dict__), q.__dict__)
r = Pair(5, 6)
print(r.__dict__.popitem(), sys.getsizeof(r.__dict__))

e = Empty()
try:
    del e.missing
except AttributeError as err:
    print('AttributeError', err)
print(sys.getsizeof(e.__dict__), e.__dict__)
f = Empty()
f.a = 1
print(sys.getsizeof(f.__dict__))

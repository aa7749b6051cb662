import gc
import sys


class Pair:
    __slots__ = ('x', 'y')


class WithDict:
    __slots__ = ('x', '__dict__')


class DictAndWeak:
    __slots__ = ('__dict__', '__weakref__')


class DictOnly:
    __slots__ = ('__dict__',)


class Plain:
    pass


class PairBelow(Pair):
    pass


class SlotBelowPlain(Plain):
    __slots__ = ('a',)


class SlotBelowDict(WithDict):
    __slots__ = ('z',)


gc.collect()
classes = (WithDict, DictAndWeak, DictOnly, PairBelow, SlotBelowPlain, SlotBelowDict)
print([sys.getsizeof(cls) for cls in classes])
for cls in classes:
    obj = cls()
    print(cls.__name__, sys.getsizeof(obj), obj.__sizeof__(), gc.is_tracked(obj))
    obj.x = [1]
    obj.q = [2]
    print(sys.getsizeof(obj.__dict__), sorted(obj.__dict__), obj.x, obj.q)
    print([r for r in gc.get_referents(obj) if type(r) is list])
obj = WithDict()
obj.x = 1
obj.__dict__['x'] = 2
print(obj.x, obj.__dict__)
del obj.x
try:
    obj.x
except AttributeError as err:
    print('AttributeError:', err)
value = []
a = PairBelow()
b = PairBelow()
a.x = b
b.x = a
a.other = value
b.other = value
print(sys.getrefcount(value))
del a, b
print(gc.collect(), sys.getrefcount(value))

# gc.get_count() after class statements: refused until a full collection
# (CPython's class creation makes and frees GC objects heapsim does not model
# one by one); after gc.collect() the counts, the classes' garbage and their
# instances are exact again.
import gc


def deco(cls):
    return cls


def make():
    class Local:
        y = 2

        def m(self):
            return self.y
    return Local


counts = []
print('start')
gc.collect()


class Empty:
    pass


class WithAttr:
    x = 1


class WithMethod:
    def f(self):
        return 1


class FirstSub(Empty):
    pass


class SecondSub(Empty):
    pass


class Slotted:
    __slots__ = ('a',)


@deco
class Decorated:
    pass


class Outer:
    class Inner:
        pass


gc.collect()
counts.append(gc.get_count())
objs = [Empty(), WithAttr(), WithMethod(), FirstSub(), SecondSub(), Slotted(), Decorated(),
        Outer.Inner()]
counts.append(gc.get_count())
del objs
counts.append(gc.get_count())
local = make()
gc.collect()
counts.append(gc.get_count())
n = local().m()
counts.append(gc.get_count())
del local
garbage = gc.collect()
counts.append(gc.get_count())
print(n, garbage)
for c in counts:
    print(c)

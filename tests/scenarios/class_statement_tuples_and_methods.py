# What a class statement leaves on the free lists. __build_class__ packs
# the bases a class statement names in a tuple before the body runs (the
# tuple becomes tp_bases), so the body's calls find one 1-tuple fewer on
# the free list; a class without bases gets (object,) after its body.
# type() ends by calling object.__init_subclass__ through super(cls, cls),
# a bound builtin method that 3.8 then keeps on its free list. Then calls
# through super(): from 3.12 the first run of each makes a super object
# and a bound method, which CALL frees before the method runs.
import gc, tracemalloc
gc.collect()
spare = [(i,) for i in range(2)]
del spare

class Shape:
    def __init__(self, name):
        self.name = name
        print('in Shape', tracemalloc.get_traced_memory())

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__('rect')
        self.w = w
        self.h = h
    area = property(lambda self: self.w * self.h)

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)

tracemalloc.start()
r = Rect(2, 3)
print(r.area, tracemalloc.get_traced_memory())
s = Square(4)
print(s.area, tracemalloc.get_traced_memory())

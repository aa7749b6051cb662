import gc
class Base:
    pass


class Weakly:
    __slots__ = ('__weakref__',)


gc.collect()
try:
    class Clash:
        __slots__ = ('x',)
        x = 1
except ValueError as err:
    print('ValueError:', err)
try:
    class NotStr:
        __slots__ = ['a', 1]
except TypeError as err:
    print('TypeError:', err)
try:
    class Spaces:
        __slots__ = 'a b'
except TypeError as err:
    print('TypeError:', err)
try:
    class Blank:
        __slots__ = ''
except TypeError as err:
    print('TypeError:', err)
try:
    class TwoWeak:
        __slots__ = ('__weakref__', '__weakref__')
except TypeError as err:
    print('TypeError:', err)
try:
    class WeakAgain(Weakly):
        __slots__ = ('__weakref__',)
except TypeError as err:
    print('TypeError:', err)
try:
    class DictAgain(Base):
        __slots__ = ('__dict__',)
except TypeError as err:
    print('TypeError:', err)
try:
    class Digit:
        __slots__ = ('ok', '2bad')
except TypeError as err:
    print('TypeError:', err)
print('done')

import gc
import sys


class Point:
    __slots__ = ('x', 'y')
    kind = 'point'

    def norm(self):
        return self.x * self.x + self.y * self.y


class Point3(Point):
    __slots__ = ('z',)


gc.collect()
p = Point()
for attempt in ('read x', 'write z', 'del x', 'del z', 'write kind', 'del kind', 'write norm', 'read q'):
    try:
        if attempt == 'read x':
            p.x
        elif attempt == 'write z':
            p.z = 1
        elif attempt == 'del x':
            del p.x
        elif attempt == 'del z':
            del p.z
        elif attempt == 'write kind':
            p.kind = 'other'
        elif attempt == 'del kind':
            del p.kind
        elif attempt == 'write norm':
            p.norm = None
        else:
            p.q
        print(attempt, 'ok')
    except AttributeError as err:
        print(attempt, 'AttributeError:', err)
p.x = 3
p.y = 4
print(p.x, p.y, p.norm(), p.kind)
del p.y
p.y = 5
print(p.norm())
q = Point3()
q.x = 1
q.z = 2
print(q.x, q.z)
try:
    q.y
except AttributeError as err:
    print('AttributeError:', err)
try:
    q.w = 0
except AttributeError as err:
    print('AttributeError:', err)
value = [1, 2, 3]
print(sys.getrefcount(value))
p.x = value
print(sys.getrefcount(value))
q.z = value
q.x = value
print(sys.getrefcount(value))
p.x = None
print(sys.getrefcount(value))
del q.z
print(sys.getrefcount(value))
q = None
print(sys.getrefcount(value))
print(sys.getrefcount(Point.x) > 0, sys.getrefcount(Point))

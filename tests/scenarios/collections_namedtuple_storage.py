# The "compact storage" lesson: one record of three fields as a dict, an
# instance with a __dict__, a slotted instance, a namedtuple and a tuple,
# each measured with sys.getsizeof (the instance's __dict__ counted apart),
# then a thousand records of each kind, and records of 1, 5 and 10 fields:
# a namedtuple costs what a tuple of its length costs.
import gc
import sys
from collections import namedtuple

Record = namedtuple('Record', 'name age score')
Wide = namedtuple('Wide', ['f%d' % i for i in range(10)])
Five = namedtuple('Five', 'a b c d e')
One = namedtuple('One', 'a')


class Plain:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


class Slotted:
    __slots__ = ('name', 'age', 'score')

    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


gc.collect()

d = {'name': 'ada', 'age': 36, 'score': 9.5}
p = Plain('ada', 36, 9.5)
s = Slotted('ada', 36, 9.5)
r = Record('ada', 36, 9.5)
t = ('ada', 36, 9.5)
print("dict", sys.getsizeof(d))
print("plain", sys.getsizeof(p), sys.getsizeof(p.__dict__))
print("slots", sys.getsizeof(s))
print("namedtuple", sys.getsizeof(r))
print("tuple", sys.getsizeof(t))
print("same", r == t, r.name == d['name'] == s.name == p.name)

records = [Record('n%d' % i, i, i / 2) for i in range(1000)]
tuples = [('n%d' % i, i, i / 2) for i in range(1000)]
slotted = [Slotted('n%d' % i, i, i / 2) for i in range(1000)]
print("thousand", sum(map(sys.getsizeof, records)), sum(map(sys.getsizeof, tuples)),
      sum(map(sys.getsizeof, slotted)), sys.getsizeof(records))
print("widths", sys.getsizeof(One(1)), sys.getsizeof(Five(1, 2, 3, 4, 5)),
      sys.getsizeof(Wide(*range(10))), sys.getsizeof(tuple(range(10))))
print("by name", records[500].name, records[500].age, records[-1].score)
print("sorted", sorted(records, key=lambda rec: -rec.age)[0])
oldest = max(records, key=lambda rec: rec.age)
print("oldest", oldest, oldest._asdict())
print("class refs", sys.getrefcount(Record), sys.getrefcount(Wide))
del records
print("class refs after", sys.getrefcount(Record))
print("tracked", gc.is_tracked(r), gc.is_tracked(t), gc.is_tracked(s), gc.is_tracked(d))

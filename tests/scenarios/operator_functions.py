# operator's functions run the operators themselves: results, in-place forms
# returning the mutated object (or a new one for immutables), the program's
# dunder methods, references left behind, and the errors per version.
import sys, gc, operator
from operator import add, iadd, getitem, add as plus

def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)

class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        print("add", self.x, other)
        return V(self.x + (other.x if isinstance(other, V) else other))
    def __radd__(self, other):
        print("radd", other, self.x)
        return V(other + self.x)
    def __iadd__(self, other):
        print("iadd", self.x, other)
        self.x += other
        return self
    def __neg__(self):
        return V(-self.x)
    def __eq__(self, other):
        print("eq", self.x)
        return isinstance(other, V) and self.x == other.x
    def __lt__(self, other):
        return self.x < other.x
    def __getitem__(self, key):
        return (self.x, key)
    def __contains__(self, item):
        return item == self.x
    def __bool__(self):
        print("bool", self.x)
        return self.x != 0
    def __repr__(self):
        return "V(%r)" % (self.x,)

gc.collect()
print(add(2, 3), operator.sub(2, 3.5), operator.mul("ab", 3), operator.truediv(7, 2), operator.floordiv(-7, 2))
print(operator.mod(-7, 3), operator.pow(2, 100), operator.lshift(1, 70), operator.rshift(-9, 1))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.and_({1, 2}, {2, 3}))
print(operator.neg(5), operator.pos(-2.5), operator.invert(5), operator.inv(-1), operator.abs(-3), operator.abs(-2.5))
print(operator.not_(0), operator.not_([1]), operator.truth(""), operator.truth((0,)))
print(operator.eq(1, 1.0), operator.ne("a", "a"), operator.lt(1, 2), operator.le(2, 2), operator.gt("b", "a"), operator.ge([1], [2]))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.contains("abc", "bc"))
print(plus is add, plus is operator.add, operator.index(7), operator.concat([1], [2]), operator.concat("a", "b"))
print(operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf("hello", "l"), operator.indexOf((3, 4, 5), 5))
print(sys.getsizeof(add), repr(add), type(operator.neg).__name__)

lst = [1, 2]
r = iadd(lst, [3])
print(r is lst, lst, sys.getrefcount(lst))
del r
t = (1, 2)
r = iadd(t, (3,))
print(r is t, t, r)
s = {1}
print(operator.ior(s, {2}) is s, s, operator.isub(10, 3), operator.imul([0], 3), operator.iconcat([1], (2,)))
text = "ab"
print(operator.iadd(text, "cd"), text, operator.ipow(2, 10), operator.itruediv(1, 4), operator.ifloordiv(9, 4))
d = {"a": 1}
print(getitem(d, "a"), operator.getitem([10, 20, 30], slice(1, None)), operator.getitem("xyz", -1))
print(operator.setitem(d, "b", 2), operator.delitem(d, "a"), d)
key = "k" * 20
val = [7]
before = sys.getrefcount(val)
operator.setitem(d, key, val)
print(sys.getrefcount(val) - before, operator.getitem(d, key) is val)
operator.delitem(d, key)
print(sys.getrefcount(val) - before)
lst = [0, 1, 2, 3, 4]
operator.setitem(lst, slice(1, 3), "ab")
operator.delitem(lst, slice(None, None, 2))
print(lst)

v = V(1)
w = operator.add(v, 2)
print(w, operator.add(3, v), operator.neg(v), operator.getitem(v, "k"), operator.contains(v, 1))
u = operator.iadd(v, 5)
print(u is v, v, operator.eq(v, V(6)), operator.ne(v, V(6)), operator.lt(V(1), V(2)))
print(operator.truth(V(0)), operator.not_(V(3)), operator.countOf([V(1), V(2)], V(2)))

attempt(operator.add, 1)
attempt(operator.add, 1, 2, 3)
attempt(operator.add, 1, "a")
attempt(operator.neg)
attempt(operator.neg, "a")
attempt(operator.not_, 1, 2)
attempt(operator.truth)
attempt(operator.add, a=1, b=2)
attempt(operator.index, 1.5)
attempt(operator.index, True)
attempt(operator.getitem, [1], 5)
attempt(operator.getitem, {}, "x")
attempt(operator.setitem, (1,), 0, 1)
attempt(operator.setitem, [1], 0)
attempt(operator.delitem, "abc", 0)
attempt(operator.contains, 1, 1)
attempt(operator.is_, 1)
attempt(operator.indexOf, [1, 1, 2], 3)
attempt(operator.countOf, 5, 1)
attempt(operator.concat, 1, 2)
attempt(operator.concat, [1], (2,))
attempt(operator.truediv, 1, 0)
attempt(operator.lt, 1, "a")
attempt(operator.invert, 1.5)
attempt(getattr, operator, "nope")

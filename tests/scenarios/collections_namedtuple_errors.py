# collections.namedtuple's errors: invalid, keyword, underscored and
# duplicate names (ValueError), too many defaults, the generated __new__'s
# argument errors (named "__new__" on 3.8, "<lambda>" on 3.9 and
# "Point.__new__" from 3.10), _make's length check, _replace's unknown
# names (TypeError from 3.13), and the attributes that cannot be set or
# deleted (fields, class attributes, tuple methods, other names). A class
# namedtuple() made is freed by a collection only (refused), so every class
# here stays alive.
import gc
from collections import namedtuple

Point = namedtuple('Point', 'x y')
Three = namedtuple('Three', 'a b c', defaults=(3,))
Renamed = namedtuple('Renamed', 'x _y x def', rename=True)

gc.collect()


def attempt(label, f):
    try:
        print(label, f())
    except (ValueError, TypeError, AttributeError, IndexError) as e:
        print(label, type(e).__name__, e)


attempt("digit", lambda: namedtuple('P', '1x y'))
attempt("typename", lambda: namedtuple('1P', 'x'))
attempt("int name", lambda: namedtuple('P', ['x', 2]))
attempt("keyword", lambda: namedtuple('P', 'x def'))
attempt("keyword type", lambda: namedtuple('class', 'x'))
attempt("underscore", lambda: namedtuple('P', 'x _y'))
attempt("duplicate", lambda: namedtuple('P', 'x y x'))
attempt("dash", lambda: namedtuple('P', 'x-y'))
attempt("defaults", lambda: namedtuple('P', 'x', defaults=[1, 2]))
print("renamed", Renamed._fields)
attempt("missing", lambda: namedtuple('P'))
attempt("extra", lambda: namedtuple('P', 'x', True))
attempt("verbose", lambda: namedtuple('P', 'x', verbose=True))
attempt("new missing", lambda: Point(1))
attempt("new missing 2", lambda: Point())
attempt("new missing 3", lambda: Three())
attempt("new too many", lambda: Point(1, 2, 3))
attempt("new too many d", lambda: Three(1, 2, 3, 4))
attempt("new twice", lambda: Point(1, x=2))
attempt("new unknown", lambda: Point(1, 2, z=3))
attempt("new by name", lambda: Point(y=1, x=2))
attempt("make short", lambda: Point._make([1]))
attempt("make long", lambda: Point._make((1, 2, 3)))
attempt("make int", lambda: Point._make(5))
p = Point(1, 2)
attempt("replace", lambda: p._replace(z=1, w=2))
attempt("replace ok", lambda: p._replace(y=5))
attempt("no attr", lambda: p.z)
attempt("no class attr", lambda: Point.z)
attempt("index", lambda: p[2])


def setter(name, value):
    def run():
        setattr(p, name, value)
    return run


def deleter(name):
    def run():
        delattr(p, name)
    return run


attempt("set field", setter('x', 5))
attempt("set fields", setter('_fields', 5))
attempt("set method", setter('_asdict', 5))
attempt("set count", setter('count', 5))
attempt("set other", setter('z', 5))
attempt("del field", deleter('x'))
attempt("del other", deleter('z'))
attempt("vars", lambda: vars(p))
attempt("unhashable", lambda: hash(Point(1, [])))
print("p", p)

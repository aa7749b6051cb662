# dataclass(...) options: frozen (FrozenInstanceError on assignment and
# deletion, hash from the fields), order (the comparison methods on tuples
# of fields), eq=False (identity equality), repr=False,
# unsafe_hash, init=False, field(repr=False, compare=False, init=False),
# __post_init__, a frozen class's __post_init__ storing through
# object.__setattr__.
import sys
from dataclasses import dataclass, field, FrozenInstanceError


@dataclass(frozen=True)
class F:
    a: int
    b: str = "x"


f = F(1)
print(f, hash(f) == hash((1, "x")), f == F(1), sys.getsizeof(f.__dict__))
try:
    f.a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    f.c = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del f.b
except Exception as e:
    print(type(e).__name__, e)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9), max(vs))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print(e)


@dataclass(eq=False)
class Ident:
    x: int


i = Ident(1)
print(i == Ident(1), i == i)


@dataclass(repr=False)
class NoRepr:
    x: int


print(NoRepr(1) == NoRepr(1))


@dataclass(unsafe_hash=True)
class Hashed:
    x: int
    y: list = field(default_factory=list, hash=False)


print(hash(Hashed(1)) == hash((1,)), Hashed(1) == Hashed(1))


@dataclass
class Options:
    name: str
    secret: str = field(default="s", repr=False)
    weight: float = field(default=1.0, compare=False)
    cache: dict = field(default_factory=dict, init=False, repr=False)
    count: int = field(default=0, init=False)

    def __post_init__(self):
        self.count = len(self.name)


o = Options("abc")
print(o, o == Options("abc", weight=2.0), o.cache, o.count, o.secret)
print(sys.getsizeof(o.__dict__), list(o.__dict__))



@dataclass(frozen=True)
class Derived:
    x: int
    double: int = field(init=False, default=0)

    def __post_init__(self):
        object.__setattr__(self, "double", self.x * 2)


d = Derived(2)
print(d, d.double, sys.getsizeof(d.__dict__), hash(d) == hash((2, 4)))

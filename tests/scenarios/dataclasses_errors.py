# The errors dataclass() and field() raise: order without eq, a mutable
# default (list, dict, set; from 3.11 any unhashable value, such as a
# dataclass instance), a field without a default after one with
# (3.13 names it), both default and default_factory, a field() without
# an annotation, an order method the class defines (3.13 words the advice
# differently), unsafe_hash with an explicit __hash__, keywords dataclass()
# and field() do not take (slots= before 3.10), and positional arguments.
# Each failed class is garbage, collected on a line of its own.
import gc
from dataclasses import dataclass, field


@dataclass
class Item:
    x: int = 0


@dataclass(frozen=True)
class Frozen:
    x: int = 0


def attempt(make):
    try:
        make()
        print("made")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def order_without_eq():
    @dataclass(order=True, eq=False)
    class C:
        x: int


def list_default():
    @dataclass
    class C:
        items: list = []


def dict_default():
    @dataclass
    class C:
        d: dict = {}


def instance_default():
    @dataclass
    class C:
        item: Item = Item()


def frozen_instance_default():
    @dataclass
    class C:
        item: Frozen = Frozen()


def order_of_defaults():
    @dataclass
    class C:
        x: int = 0
        y: int


def no_annotation():
    @dataclass
    class C:
        x = field(default=1)


def own_lt():
    @dataclass(order=True)
    class C:
        x: int

        def __lt__(self, other):
            return True


def explicit_hash():
    @dataclass(unsafe_hash=True)
    class C:
        x: int

        def __hash__(self):
            return 1


def slots_keyword():
    @dataclass(slots=False)
    class C:
        x: int


gc.collect()
attempt(order_without_eq)
gc.collect()
attempt(list_default)
gc.collect()
attempt(dict_default)
gc.collect()
attempt(instance_default)
gc.collect()
attempt(order_of_defaults)
gc.collect()
attempt(no_annotation)
gc.collect()
attempt(own_lt)
gc.collect()
attempt(explicit_hash)
gc.collect()
attempt(slots_keyword)
gc.collect()
attempt(lambda: field(default=1, default_factory=list))
gc.collect()
attempt(lambda: field(1))
gc.collect()
attempt(lambda: field(size=1))
gc.collect()
attempt(lambda: dataclass(Item, Item))
gc.collect()
print("done")

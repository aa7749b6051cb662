# @property getters, @x.setter and @x.deleter (each a new property copied from
# the last), property(fget, fset): their sizes (72 bytes, 80 from 3.10 with
# the name __set_name__ gives), GC tracking, the getter's doc kept (None
# counts a reference before 3.12), what the getter and setter calls do to
# reference counts, and each version's AttributeError for a missing setter,
# deleter or getter.
import gc
import sys


class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        "degrees Celsius"
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    def _get_kelvin(self):
        return self._celsius + 273

    def _set_kelvin(self, value):
        self._celsius = value - 273

    kelvin = property(_get_kelvin, _set_kelvin)
    write_only = property(None, _set_kelvin)

    @property
    def references(self):
        return sys.getrefcount(self)


def read_references(t):
    # From 3.12 the getter's frame takes the caller's reference once the
    # site has run (LOAD_ATTR_PROPERTY).
    return [t.references for _ in range(3)]


gc.collect()
t = Temperature(20)
print(t.celsius, t.fahrenheit, t.kelvin)
t.celsius = 25
t.kelvin = 300
print(t.celsius, sorted(vars(t)))
print(type(Temperature.celsius).__name__, sys.getsizeof(Temperature.celsius),
      gc.is_tracked(Temperature.celsius), Temperature.celsius is Temperature.celsius)
print(sys.getrefcount(Temperature.celsius), sys.getrefcount(Temperature._get_kelvin))
for action in [lambda: setattr(t, "fahrenheit", 1), lambda: delattr(t, "kelvin"),
               lambda: t.write_only, lambda: setattr(t, "celsius", -300)]:
    try:
        action()
    except (AttributeError, ValueError) as e:
        print(type(e).__name__, e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError", e)
t.celsius = 1
t.__dict__["celsius"] = "shadow"
print(t.celsius, vars(t)["celsius"])
before = sys.getrefcount(t)
values = [t.fahrenheit for _ in range(3)]
print(values, sys.getrefcount(t) - before)
print(read_references(t), read_references(t))
readings = [Temperature(i) for i in range(5)]
print(sum(r.celsius for r in readings), sum(r.kelvin for r in readings))
del readings
print(gc.collect())

# A failed attribute lookup whose caller suppresses the AttributeError
# (hasattr, getattr with a default, the reflected-operand check of a binary
# operator): before 3.12 a type object (and a module) formats the error's
# message all the same, which tracemalloc's peak sees.
import gc
import operator
import sys
import tracemalloc


class Base:
    def __add__(self, other):
        return 1


class Derived(Base):
    pass


class Reflected(Base):
    def __radd__(self, other):
        return 2


class ANameLongerThanFiftyCharactersWhichTheMessageTruncatesToFifty:
    pass


def peak_of(target, name):
    tracemalloc.start()
    found = hasattr(target, name)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return found, peak


a, d, r = Base(), Derived(), Reflected()
a + d
a + r
gc.collect()
for label, target in [("class", Base), ("long class", ANameLongerThanFiftyCharactersWhichTheMessageTruncatesToFifty), ("instance", a)]:
    for name in ["x", "missing", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"]:
        print(label, len(name), peak_of(target, name))
print("module", peak_of(tracemalloc, "reset_peak"))
# operator.call is missing before 3.11; on 3.10 CPython also makes the
# exception object there, which heapsim refuses while tracing.
if sys.version_info[:2] != (3, 10):
    print("module 2", peak_of(operator, "call"))
tracemalloc.start()
value = getattr(Base, "missing", None)
print("getattr default", value, tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
print("add derived", a + d, tracemalloc.get_traced_memory())
tracemalloc.stop()
tracemalloc.start()
print("add reflected", a + r, tracemalloc.get_traced_memory())
tracemalloc.stop()

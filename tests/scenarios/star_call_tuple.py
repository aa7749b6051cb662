# f(*t) with an exact tuple t and no other positional argument: the call
# hands t itself over (CALL_FUNCTION_EX), so neither the call nor a tp_call
# packs the arguments again (an exception keeps t as its args); a list, or
# other arguments beside the star, make a new tuple. min()/max() of several
# arguments iterate the tuple they came in (3.8 to 3.12).
import gc
import tracemalloc


class Failure(Exception):
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def scale(self, a, b):
        return a * b


def add(a, b):
    return a + b


def made(label, make):
    tracemalloc.start()
    value = make()
    print(label, tracemalloc.get_traced_memory())
    tracemalloc.stop()
    return value


gc.collect()
pair = (3, 9)
as_list = [3, 9]
made("warm-up", lambda: divmod(7, 2))
made("range(*pair)", lambda: range(*pair))
made("divmod(*pair)", lambda: divmod(*pair))
made("add(*pair)", lambda: add(*pair))
made("Point(*pair)", lambda: Point(*pair))
made("range(*as_list)", lambda: range(*as_list))
made("max(*pair)", lambda: max(*pair))
made("max(3, 9)", lambda: max(pair[0], pair[1]))
made("Failure(*pair)", lambda: Failure(*pair))
made("ValueError(*pair)", lambda: ValueError(*pair))
print(Failure(*pair).args is pair, ValueError(*pair).args is pair, ValueError(3, 9).args is pair)
point = Point(1, 2)
made("point.scale(*pair)", lambda: point.scale(*pair))
made("pair-of-pairs", lambda: divmod(*(pair[0] + 10, pair[1])))
print(range(*pair), divmod(*pair), add(*pair), Point(*pair).y)

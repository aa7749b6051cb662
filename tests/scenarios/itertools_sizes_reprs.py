# itertools' iterator objects: sizes per version (accumulate grows by a
# pointer in 3.12), GC tracking, type names, the reprs of count and repeat
# (fast and slow counting, a count passing sys.maxsize), and the errors of
# the constructors (argument counts, keywords, islice's bounds).
import gc
import sys
import itertools
from itertools import accumulate, chain, compress, count, cycle, dropwhile
from itertools import filterfalse, islice, repeat, starmap, takewhile

gc.collect()

objects = [count(), cycle([]), repeat(1), islice([], 1), chain(), chain.from_iterable([]),
           starmap(pow, []), takewhile(bool, []), dropwhile(bool, []),
           filterfalse(None, []), compress([], []), accumulate([])]
for o in objects:
    print(type(o).__name__, sys.getsizeof(o), gc.is_tracked(o), iter(o) is o)
print(itertools.count, itertools.islice, type(count()) is count, isinstance(chain(), chain))

print(count(), count(5), count(-3), count(2**70), count(1.5), count(5, 2), count(5, 1.0))
print(count(start=3, step=0.5), count(step=-1), count(True))
c = count(sys.maxsize - 1)
print(next(c), next(c), next(c), c)
c = count(10, -3)
print(next(c), next(c), c)
print(repeat("a", 3), repeat("a"), repeat(1, -5), repeat([1, 2], times=2), repeat(object=None))
r = repeat("x", 2)
print(next(r), r, list(r), r)
print(list(repeat(7, 3)), sys.getsizeof(list(repeat(7, 3))), sys.getsizeof(list(repeat(7, 30))))


def attempt(label, make):
    try:
        result = make()
        print(label, "->", type(result).__name__)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


attempt("count str", lambda: count("a"))
attempt("count 3 args", lambda: count(1, 2, 3))
attempt("count start twice", lambda: count(1, step=2, start=3))
attempt("repeat none", lambda: repeat())
attempt("repeat str times", lambda: repeat(1, "a"))
attempt("repeat float times", lambda: repeat(1, 2.0))
attempt("repeat big times", lambda: repeat(1, 2**70))
attempt("islice one", lambda: islice([1]))
attempt("islice five", lambda: islice([], 1, 2, 3, 4))
attempt("islice keyword", lambda: islice([], stop=2))
attempt("islice -1", lambda: islice([], -1))
attempt("islice -2", lambda: islice([], -2))
attempt("islice start -1", lambda: islice([], -1, 2))
attempt("islice start str", lambda: islice([], "a", 2))
attempt("islice stop float", lambda: islice([], 2.0))
attempt("islice big", lambda: islice([], 2**70))
attempt("islice step 0", lambda: islice([], 0, 2, 0))
attempt("islice None", lambda: islice([], None, None, None))
attempt("islice of int", lambda: islice(1, 2))
attempt("chain keyword", lambda: chain(x=1))
attempt("chain of int", lambda: list(chain([1], 2)))
attempt("from_iterable none", lambda: chain.from_iterable())
attempt("from_iterable two", lambda: chain.from_iterable([], []))
attempt("cycle two", lambda: cycle([], []))
attempt("cycle keyword", lambda: cycle(x=1))
attempt("starmap one", lambda: starmap(pow))
attempt("starmap item", lambda: list(starmap(pow, [1])))
attempt("takewhile keyword", lambda: takewhile(bool, [], x=1))
attempt("takewhile not callable", lambda: list(takewhile(1, [1])))
attempt("dropwhile one", lambda: dropwhile(bool))
attempt("filterfalse int", lambda: filterfalse(None, 1))
attempt("compress one", lambda: compress([]))
attempt("compress three", lambda: compress([], [], []))
attempt("accumulate none", lambda: accumulate())
attempt("accumulate three", lambda: accumulate([1], max, 1))
attempt("accumulate add", lambda: list(accumulate([1, "a"])))
attempt("len", lambda: len(repeat(1, 3)))
attempt("subscript", lambda: count()[0])
attempt("next empty repeat", lambda: next(repeat(1, 0)))

# A set display of constants iterates in the order of the frozenset
# constant it is built from (3.9+: BUILD_SET 0 and SET_UPDATE of a
# frozenset), and that frozenset is made twice at compile time (in source
# order, then again in the first one's order when the code's constants are
# merged); a set literal in a for loop or after `in` is such a frozenset on
# every version.
import gc
import sys

gc.collect()

s = {200, 8, -3, 79, 177, 124, 189}
print(s, sys.getsizeof(s))
print(s - set(range(3)))
print(s.difference([1, 2]))
for x in {200, 8, -3, 79, 177, 124, 189}:
    print(x, end=' ')
print()
print([x for x in {5000, 33, 1, 97, 64, -8, 100}])
print(8 in {200, 8, -3, 79, 177, 124, 189}, 9 not in {200, 8, -3, 79, 177, 124, 189})
t = {200, 8, -3, 79, 177, 124, 189, 5000, 11, 12, 13, 14, 15, 16, 17, 18, 19}
print(t, sys.getsizeof(t))
print({2 ** 70, 8.5, (1, 2), -1, 40, 72})
print({1, 2}, {1, 2, 3}, {3, 2, 1}, {1, 1.0, True, 2})

import gc
import sys

gc.collect()
# ValueErrors raised by list.remove, list.index and int() are caught; the script carries on
data = [3, 1, 4, 1, 5]
try:
    data.remove(9)
except ValueError:
    print("9 not in list", len(data))
data.remove(1)
print(data, sys.getsizeof(data))
try:
    data.index(7)
except ValueError:
    print("7 has no index")
try:
    int("12x")
except ValueError:
    print("not a number")
try:
    a, b = [1, 2, 3]
except ValueError:
    print("too many values to unpack")
try:
    float("nope")
except ValueError:
    print("not a float")
print(int("42") + 1, float("2.5") * 2, data.index(5))

# sys.getrecursionlimit() / sys.setrecursionlimit(): the limit, errors, the
# depth where a lower or higher limit stops recursion, and repr of nested
# containers under a low limit (C recursion shares the limit before 3.12).
import sys
import gc

def depth_reached(n):
    try:
        return depth_reached(n + 1)
    except RecursionError:
        return n

def count_down(n):
    if n == 0:
        return 0
    return 1 + count_down(n - 1)

def set_limit_at_depth(n, limit):
    if n > 0:
        return set_limit_at_depth(n - 1, limit)
    try:
        sys.setrecursionlimit(limit)
        result = "set"
    except RecursionError as e:
        result = str(e)
    sys.setrecursionlimit(1000)
    return result

gc.collect()

print(sys.getrecursionlimit())
print(depth_reached(1))

sys.setrecursionlimit(100)
print(sys.getrecursionlimit(), depth_reached(1))
sys.setrecursionlimit(250)
print(sys.getrecursionlimit(), depth_reached(1))
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), depth_reached(1), count_down(2500))
sys.setrecursionlimit(1000)
try:
    count_down(2500)
except RecursionError as e:
    print("RecursionError:", e)

for bad in (0, -5, 2 ** 31, 2 ** 70, "100", 1.5, None):
    try:
        sys.setrecursionlimit(bad)
        print("set", bad)
    except (ValueError, TypeError, OverflowError, RecursionError) as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit()
except TypeError as e:
    print(e)
try:
    sys.getrecursionlimit(5)
except TypeError as e:
    print(e)
print(sys.getrecursionlimit())

for n, limit in ((10, 5), (10, 12), (10, 14), (10, 16), (10, 40), (30, 30), (30, 35), (30, 42)):
    print(n, limit, set_limit_at_depth(n, limit))

nested = []
for i in range(30):
    nested = [nested]
sys.setrecursionlimit(20)
try:
    text = repr(nested)
    print("repr", len(text))
except RecursionError as e:
    print("RecursionError:", e)
try:
    same = nested == [nested[0]]
    print("compare", same)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
print(len(repr(nested)), sys.getrecursionlimit())

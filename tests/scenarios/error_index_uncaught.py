import gc
import sys

gc.collect()
# an IndexError caught, then one that ends the script (exit 1)
items = [10, 20, 30]
try:
    items[3]
except IndexError:
    print("caught index 3", len(items))
try:
    [].pop()
except IndexError:
    print("caught pop from empty list")
print(items.pop(), items, sys.getsizeof(items))
print(items[-2], items[-1])
print("about to fail")
print(items[5])
print("never printed")

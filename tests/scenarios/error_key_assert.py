import gc
import sys

gc.collect()
# KeyError caught on dict and set; then a failing assert ends the script (exit 1)
stock = {"apple": 3, "pear": 0}
try:
    stock["plum"]
except KeyError:
    print("no plum")
try:
    stock.pop("plum")
except KeyError:
    print("cannot pop plum")
print(stock.pop("plum", 0), stock.get("plum", -1))
try:
    {}.popitem()
except KeyError:
    print("popitem on an empty dict")
print(sorted(stock.items()), sys.getsizeof(stock))
assert stock["apple"] == 3, "apple count"
print("first assert passed")
assert stock["pear"] > 0, "pear out of stock"
print("never printed")

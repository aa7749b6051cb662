import gc
import sys


class Item:
    def __repr__(self):
        # Runs while the list holding it is entered (and the state made).
        return "Item(%d)" % sys.getrefcount(self)


gc.collect()
items = [Item()]
a = gc.get_count()[0]
text = repr(items)
b = gc.get_count()[0]
text2 = repr([items, items])
c = gc.get_count()[0]
print(text, text2)
print("first repr through a class's __repr__:", b - a)
print("a later one:", c - b)

import gc
import sys


class Product:
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty
        self.tags = []


def load(n):
    items = {}
    for i in range(n):
        items["p" + str(i)] = Product("p" + str(i), i % 4)
    return items


def restock(items, amount=5):
    low = [p for p in items.values() if p.qty == 0]
    for p in low:
        p.qty += amount
        p.tags.append("restocked")
    return len(low)


def main():
    gc.collect()
    stock = load(12)
    print(len(stock), sys.getsizeof(stock))
    print(restock(stock), restock(stock, amount=1))
    first = stock["p0"]
    print(first.qty, first.tags, sys.getrefcount(first))
    names = sorted(stock, key=lambda k: (stock[k].qty, k))
    print(names[:4], sys.getsizeof(names))
    for key in names[6:]:
        if key != "p0":
            del stock[key]
    print(len(stock), sys.getsizeof(stock), sys.getrefcount(first))
    first.tags.append(first)
    del stock["p0"]
    first = None
    print(gc.collect())


if __name__ == "__main__":
    main()

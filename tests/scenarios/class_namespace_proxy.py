# C.__dict__ and vars(C): a new mappingproxy on every access (40 bytes,
# GC-tracked) holding a reference to the class's dict; its read-only
# mapping API forwarded to that dict: [], get, keys/values/items (the
# dict's views), in, len, iteration, copy() (a new dict), == with a dict,
# | (3.9+) and reversed() (3.9+).
import gc
import sys


class Account:
    rate = 5
    owner = "bank"

    def __init__(self, balance):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount


gc.collect()

proxy = Account.__dict__
print("type", type(proxy).__name__, type(vars(Account)).__name__)
print("new per access", Account.__dict__ is Account.__dict__, vars(Account) is vars(Account),
      proxy is Account.__dict__)
print("size", sys.getsizeof(proxy), gc.is_tracked(proxy))
print("equal", Account.__dict__ == Account.__dict__, proxy != vars(Account))
print("from instance", Account(1).__class__.__dict__ == proxy, type(Account(2)).__dict__["rate"])
print("item", proxy["rate"], proxy["owner"], proxy.get("rate"), proxy.get("missing"),
      proxy.get("missing", 7))
print("function", proxy["deposit"] is Account.deposit, proxy["__init__"].__name__)
print("in", "rate" in proxy, "balance" in proxy, "deposit" in vars(Account))
print("len", len(proxy), bool(proxy))
print("keys", list(proxy.keys()), type(proxy.keys()).__name__)
print("values", [type(v).__name__ for v in proxy.values()], type(proxy.values()).__name__)
print("items", [k for k, v in proxy.items()], type(proxy.items()).__name__)
print("iter", [k for k in proxy], type(iter(proxy)).__name__)
print("sorted", sorted(vars(Account)), tuple(proxy)[:2], len(set(proxy)))
copied = proxy.copy()
print("copy", type(copied).__name__, copied == proxy, proxy == copied, copied is proxy,
      len(copied))
copied["rate"] = 6
print("copy is separate", proxy["rate"], Account.rate, copied["rate"])
Account.rate = 10
print("live", proxy["rate"], Account.__dict__["rate"])
Account.bonus = 1
print("grown", list(proxy)[-1], len(proxy))
del Account.bonus
print("shrunk", "bonus" in proxy, len(proxy))
before = sys.getrefcount(Account.__dict__["rate"])
held = [vars(Account) for _ in range(3)]
print("held", len(held), held[0] == held[1], held[0] is held[1])
del held
print("released", sys.getrefcount(Account.__dict__["rate"]) - before)
if sys.version_info >= (3, 9):
    merged = proxy | {"extra": 1}
    print("or", type(merged).__name__, len(merged), merged["extra"], merged["rate"])
    merged = {"first": 0} | proxy
    print("ror", type(merged).__name__, list(merged)[0], len(merged))
    print("reversed", list(reversed(proxy))[:2])
keys_view = proxy.keys()
del proxy
print("view outlives proxy", "rate" in keys_view, len(keys_view))

# Private names: inside a class body (and the functions, lambdas and
# comprehensions in it) CPython's compiler rewrites `__name` to
# `_ClassName__name`; the mangled str is the instance dict's key.
import sys
import gc


class Account:
    __rate = 3

    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance

    def __helper(self, __amount, fee=1):
        return self.__balance + __amount - fee

    def deposit(self, amount):
        return self.__helper(amount)

    def keyword(self):
        try:
            self.__helper(__amount=1)
        except TypeError as e:
            print("keyword:", e)

    __double = lambda self, __v: __v * 2
    __squares = [__i * __i for __i in range(4)]

    class __Audit:
        def mark(self):
            self.__seen = True
            return self


class _Private:
    def __init__(self):
        self.__v = 1


class __:
    def __init__(self):
        self.__v = 1


class __Edge__:
    def __init__(self):
        self.__v = 1
        self.__w__ = 2
        self.___ = 3


__limit = 5


class Reader:
    def plain(self):
        return __limit

    def declared(self):
        global __limit
        return __limit


gc.collect()
a = Account("ann", 10)
print(a.__dict__)
print(a._Account__balance)
print(sys.getsizeof(a.__dict__))
for name in ("_Account__rate", "_Account__helper", "_Account__double", "_Account__squares",
             "_Account__Audit", "__rate", "__helper", "__Audit"):
    print(name, hasattr(Account, name))
print(Account._Account__helper.__name__, Account._Account__helper.__qualname__)
print(a.deposit(5))
a.keyword()
try:
    a._Account__helper()
except TypeError as e:
    print("missing:", e)
print(a._Account__double(4), Account._Account__squares)
print(Account._Account__Audit.__name__)
print(Account._Account__Audit().mark().__dict__)
try:
    a.__balance
except AttributeError as e:
    print("outside:", e)
print(getattr(a, "_Account__balance"), hasattr(a, "__balance"))
setattr(a, "__balance", 3)
print(a.__dict__)
print(_Private().__dict__, __().__dict__, __Edge__().__dict__)
try:
    Reader().plain()
except NameError as e:
    print("name:", e)
_Reader__limit = 8
print(Reader().plain(), Reader().declared())

# Exception classes of the script: args, str and repr for 0, 1 and n
# arguments, custom __init__ with and without super().__init__, custom
# __str__ and __repr__, class attributes and methods, catching by the class,
# a base class or a tuple, isinstance, issubclass, __mro__ and __name__.
import sys, gc


class AppError(Exception):
    code = 10

    def describe(self):
        return "AppError code " + str(self.code)


class InsufficientFunds(AppError):
    code = 20

    def __init__(self, amount):
        super().__init__(f"need {amount}")
        self.amount = amount


class Silent(ValueError):
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Custom(RuntimeError):
    def __str__(self):
        return "custom text " + str(len(self.args))

    def __repr__(self):
        return "Custom!"


class MissingKey(KeyError):
    pass


class BadIndex(IndexError):
    pass


class Lookup(LookupError):
    pass


class Arith(ArithmeticError):
    pass


gc.collect()

for e in (AppError(), AppError("x"), AppError("x", 2), AppError(1.5, None, [1, 2])):
    print(repr(e), "|", str(e), "|", e.args, type(e).__name__)

f = InsufficientFunds(5)
print(f, f.amount, f.args, repr(f), f.code, f.describe())
s = Silent(1, 2)
print(s.args, s.a, s.b, repr(s), str(s))
c = Custom(1, 2, 3)
print(str(c), repr(c), c.args, f"{c}")
k = MissingKey("k")
print(str(k), repr(k), str(MissingKey(3)), str(MissingKey()), str(MissingKey(1, 2)))

for make in (lambda: AppError("plain"), lambda: InsufficientFunds(7), lambda: Silent(3, 4),
             lambda: MissingKey("q"), lambda: BadIndex(9), lambda: Lookup(), lambda: Arith(0)):
    try:
        raise make()
    except InsufficientFunds as err:
        print("InsufficientFunds", err, err.amount)
    except AppError as err:
        print("AppError", err, err.code)
    except (KeyError, IndexError) as err:
        print("Key or Index", type(err).__name__, err)
    except LookupError as err:
        print("LookupError", type(err).__name__, repr(err))
    except ArithmeticError as err:
        print("ArithmeticError", type(err).__name__, err.args)
    except Exception as err:
        print("Exception", type(err).__name__, err)

try:
    raise AppError
except AppError as err:
    print("class raised", repr(err), err.args)

try:
    try:
        raise InsufficientFunds(1)
    except ValueError:
        print("not a ValueError")
except AppError as err:
    print("outer", err)

try:
    raise Silent(5, 6)
except (TypeError, Silent) as err:
    print("tuple", err.a + err.b)

print(isinstance(f, InsufficientFunds), isinstance(f, AppError), isinstance(f, Exception),
      isinstance(f, BaseException), isinstance(f, ValueError), isinstance(s, ValueError))
print(isinstance(k, LookupError), isinstance(k, KeyError), isinstance(k, IndexError))
print(issubclass(InsufficientFunds, AppError), issubclass(InsufficientFunds, Exception),
      issubclass(AppError, InsufficientFunds), issubclass(Silent, ValueError),
      issubclass(MissingKey, LookupError), issubclass(Arith, ZeroDivisionError),
      issubclass(BadIndex, (TypeError, IndexError)))
print([t.__name__ for t in InsufficientFunds.__mro__])
print([t.__name__ for t in MissingKey.__mro__])
print(InsufficientFunds.__name__, type(f) is InsufficientFunds, f.__class__ is InsufficientFunds)
print(InsufficientFunds, AppError.code, InsufficientFunds.code)

try:
    AppError(x=1)
except TypeError as err:
    print(err)

try:
    f.missing
except AttributeError as err:
    print(err)

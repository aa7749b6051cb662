# issubclass over a program's classes, builtin types and the exception
# hierarchy; tuples searched in order (stopping at a match); the order of
# its checks and each version's messages; isinstance's message for a
# second argument that is no class.
import gc


class Animal:
    pass


class Dog(Animal):
    pass


class Puppy(Dog):
    pass


gc.collect()


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


show("Dog Animal", lambda: issubclass(Dog, Animal))
show("Animal Dog", lambda: issubclass(Animal, Dog))
show("Puppy Animal", lambda: issubclass(Puppy, Animal))
show("self", lambda: issubclass(Animal, Animal))
show("object", lambda: issubclass(Puppy, object))
show("tuple", lambda: issubclass(Puppy, (int, Dog)))
show("empty tuple", lambda: issubclass(Dog, ()))
show("nested tuple", lambda: issubclass(Dog, (int, (str, Animal))))
show("bool int", lambda: issubclass(bool, int))
show("int bool", lambda: issubclass(int, bool))
show("int object", lambda: issubclass(int, object))
show("list in tuple", lambda: issubclass(list, (str, list)))
show("type object", lambda: issubclass(type, object))
show("class vs int", lambda: issubclass(Dog, int))
show("int vs class", lambda: issubclass(int, Dog))
show("KeyError LookupError", lambda: issubclass(KeyError, LookupError))
show("KeyError Exception", lambda: issubclass(KeyError, Exception))
show("KeyError BaseException", lambda: issubclass(KeyError, BaseException))
show("ValueError LookupError", lambda: issubclass(ValueError, LookupError))
show("ZeroDivision Arithmetic", lambda: issubclass(ZeroDivisionError, ArithmeticError))
show("class Exception", lambda: issubclass(Dog, Exception))
show("KeyError object", lambda: issubclass(KeyError, object))
show("match first", lambda: issubclass(Dog, (Animal, 1)))
show("bad first", lambda: issubclass(Dog, (1, Animal)))
show("instance arg 1", lambda: issubclass(Dog(), Animal))
show("instance arg 2", lambda: issubclass(Dog, Dog()))
show("both bad", lambda: issubclass(1, 1))
show("one arg", lambda: issubclass(Dog))
show("keyword", lambda: issubclass(Dog, x=1))
show("isinstance bad", lambda: isinstance(Dog(), 1))

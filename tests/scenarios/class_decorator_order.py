import sys
import gc


def tracer(label):
    print("evaluate", label)

    def apply(cls):
        print("apply", label, cls.__name__, sys.getrefcount(cls))
        return cls

    return apply


registry = []


def register(cls):
    registry.append(cls)
    return cls


def add_greeting(cls):
    cls.greeting = "hello"
    return cls


def replace_with_name(cls):
    return cls.__name__


gc.collect()


@tracer("outer")
@tracer("inner")
class Traced:
    print("body runs")


print(Traced.__name__, sys.getrefcount(Traced))


@register
@add_greeting
class Registered:
    pass


print(registry[0] is Registered, Registered.greeting, sys.getrefcount(Registered))
print(Registered().greeting)


@replace_with_name
class Gone:
    pass


print(type(Gone).__name__, Gone)
print("collected", gc.collect() > 0)


def make_local():
    @register
    class Local:
        pass

    return Local


first = make_local()
second = make_local()
print(first is second, len(registry), first.__name__)
print(sys.getrefcount(first), sys.getrefcount(second))
del registry[1:]
del first, second
print("collected", gc.collect() > 0)

try:
    @len
    class Broken:
        pass
except TypeError as e:
    print("TypeError", e)
try:
    Broken
except NameError as e:
    print("NameError", e)

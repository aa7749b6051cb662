import gc
import sys


def in_function():
    return sys.getrefcount(98765)


gc.collect()
# shared singletons and code constants: immortal in 3.12+, counted before
for value in [None, True, False, 0, 256, -5, (), "", "a"]:
    before = sys.getrefcount(value)
    many = [value] * 10
    after = sys.getrefcount(value)
    many = None
    print(repr(value), after - before, before >= 4294967295)
big = 257
print(sys.getrefcount(big) - sys.getrefcount(257))
print(sys.getrefcount(123456789), in_function())
name = "plain_identifier"
other = "not an identifier"
print(sys.getrefcount(name) >= 4294967295, sys.getrefcount(other))
built = "".join(["plain_", "identifier"])
print(built == name, built is name, sys.getrefcount(built))
fresh = int("257")
print(sys.getrefcount(fresh), fresh is big)

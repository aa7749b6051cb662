"""Builtins that recurse or compute on large inputs: map/filter/zip/enumerate
chains deeper than CPython's C stack, huge ints through hex/bin, pow and
divmod outside what heapsim models, attribute names from outside the
interned table: refused by name or answered within the limits, never a
crash or a hang."""
from run_hostile import Case

CASES = [
    Case("map_chain_too_deep",
         "m = [1]\nfor i in range(60000):\n    m = map(abs, m)\nprint(list(m))\n", 2,
         r"unsupported: iterators \(enumerate, zip, map, filter, itertools.\) nested more than 50,000 deep",
         seconds=60),
    Case("filter_zip_chain_too_deep",
         "m = [1]\nfor i in range(30000):\n    m = filter(None, zip(m))\nprint(list(m))\n", 2,
         r"unsupported: iterators \(enumerate, zip, map, filter, itertools.\) nested more than 50,000 deep",
         seconds=60),
    Case("map_chain_deep_but_allowed",
         "m = [1]\nfor i in range(20000):\n    m = map(abs, m)\nprint(list(m))\n", 0, r"^$",
         seconds=60),
    Case("bin_of_huge_int", "x = 1 << 2_000_000\nprint(len(bin(x)), len(hex(x)))\n", 0, r"^$",
         seconds=60),
    Case("pow_big_modulus", "print(pow(3, 10**9, 10**9 + 7))\n", 2,
         r"unsupported: pow\(\) with a modulus"),
    Case("divmod_huge", "print(divmod(10**5000, 7))\n", 2,
         r"unsupported: divmod\(\) of an int of more than one 30-bit digit"),
    Case("chr_surrogate", "print(chr(0xDFFF))\n", 2,
         r"unsupported: chr\(\) of a surrogate code point"),
    Case("getattr_fresh_name",
         "class A:\n    pass\nprint(getattr(A(), 'n' * 3 + str(7), None))\n", 2,
         r"unsupported: getattr\(\) of an attribute name no interned str matches"),
    Case("setattr_many_names",
         "class A:\n    pass\na = A()\nfor i in range(20000):\n    setattr(a, 'f' + str(i), i)\n"
         "print(len(a.__dict__), getattr(a, 'f' + str(19999)))\n", 0, r"^$", seconds=60),
    Case("map_self_feeding", "l = [1]\nfor x in map(l.append, l):\n    if len(l) > 10000:\n"
         "        break\nprint(len(l))\n", 0, r"^$", seconds=60),
]

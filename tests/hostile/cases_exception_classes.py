"""Exception classes of the script driven into their error paths: an
__init__ or __str__ recursing to the limit, a long chain of subclasses, an
args tuple of 100,000 items, and many raised and caught instances."""
from run_hostile import Case

CASES = [
    Case("exception_class_init_recursion",
         "class E(Exception):\n    def __init__(self):\n        raise E()\nE()\n", 2,
         r"unsupported: a call near the recursion limit through C code"),
    Case("exception_class_str_recursion",
         "class E(Exception):\n    def __str__(self):\n        return str(self)\nstr(E())\n", 2,
         r"unsupported: a call near the recursion limit through C code"),
    Case("exception_class_chain_long",
         "class E(Exception):\n    pass\nfor i in range(3000):\n    class E(E):\n        pass\n"
         "try:\n    raise E(1)\nexcept E as x:\n    print(len(type(x).__mro__))\n", 0, r"^$",
         seconds=20),
    Case("exception_class_args_huge",
         "class E(Exception):\n    def __init__(self, n):\n        super().__init__(*range(n))\n"
         "e = E(100000)\nprint(len(str(e)))\n", 0, r"^$", seconds=20),
    Case("exception_class_raise_many",
         "class E(ValueError):\n    pass\nn = 0\nfor i in range(200000):\n    try:\n"
         "        raise E(i)\n    except ValueError as x:\n        n += 1\nprint(n)\n", 0, r"^$",
         seconds=20),
]

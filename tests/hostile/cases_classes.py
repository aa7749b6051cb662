"""super(), properties and chained raises driven into their error paths:
deep recursion through a getter or super(), property copies piling up,
chains of causes, and a super() whose frame lost its argument."""
from run_hostile import Case

CASES = [
    Case("property_getter_recursion",
         "class A:\n    @property\n    def p(self):\n        return self.p\nA().p\n", 2,
         r"unsupported: a call near the recursion limit through C code"),
    Case("super_method_recursion",
         "class A:\n    def f(self):\n        return self.f()\n"
         "class B(A):\n    def f(self):\n        return super().f()\nB().f()\n", 1,
         r"^RecursionError: maximum recursion depth exceeded"),
    Case("property_copies_many",
         "def put(s, v):\n    pass\nclass A:\n    p = property(lambda s: 1)\n"
         "    for i in range(100000):\n        p = p.setter(put)\nprint(A().p)\n", 0, r"^$",
         seconds=20),
    Case("raise_from_chain_long",
         "e = None\nfor i in range(100000):\n    try:\n        raise ValueError(i) from e\n"
         "    except ValueError as x:\n        e = KeyError(i)\nprint('done')\n", 0, r"^$",
         seconds=20),
    Case("super_arg_deleted",
         "class A:\n    def f(self):\n        del self\n        return super()\nA().f()\n", 1,
         r"^RuntimeError: super\(\): arg\[0\] deleted$"),
    Case("super_outside_class", "def f(a):\n    return super()\nf(1)\n", 1,
         r"^RuntimeError: super\(\): __class__ cell not found$"),
    # A split table (3.11+ keeps it split through deletions) churned: its
    # entries and indices stay bounded.
    Case("instance_dict_split_churn",
         "class P:\n    def __init__(self):\n        self.x = 1\n        self.y = 2\np = P()\n"
         "d = p.__dict__\nfor i in range(200000):\n    del p.x\n    p.x = i\n    d['k'] = i\n"
         "    del d['k']\nprint(len(d), p.x, list(d))\n", 0, r"^$", seconds=20,
         stdout=r"^2 199999 \['y', 'x'\]\n$"),
]

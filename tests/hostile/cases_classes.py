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
    # A class body of 20,000 names read through a mappingproxy, proxies
    # made and dropped in a loop, and what a proxy refuses.
    Case("class_namespace_huge_body",
         "class Big:\n" + "".join("    a%d = %d\n" % (i, i) for i in range(20000)) +
         "p = vars(Big)\nprint(sum(1 for k in p if not k.startswith('__')), p['a19999'],"
         " len(Big.__dict__.copy()) == len(p))\n", 0, r"^$", seconds=20,
         stdout=r"^20000 19999 True\n$"),
    Case("class_namespace_proxies_in_loop",
         "class C:\n    x = 1\ntotal = 0\n"
         "for i in range(200000):\n    p = C.__dict__\n    total += p['x'] + (len(p.keys()) > 0)\n"
         "    del p\nprint(total)\n", 0, r"^$", seconds=20, stdout=r"^400000\n$"),
    Case("class_namespace_proxy_merge_refused",
         "class C:\n    x = 1\nd = {}\nd.update(C.__dict__)\n", 2,
         r"unsupported: a mappingproxy passed to dict.update\(\)"),
    Case("class_namespace_proxy_repr_refused",
         "class C:\n    def f(self):\n        pass\nprint(C.__dict__)\n", 2,
         r"unsupported: the repr of a mappingproxy"),
]

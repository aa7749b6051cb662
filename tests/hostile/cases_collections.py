"""collections.deque (and its siblings: defaultdict, OrderedDict, Counter) on
hostile inputs: huge iterables, huge rotations and counts, self extension,
deep self-reference and unmodelled names end with CPython's result, a limit
or a refusal, never a crash or a hang."""
from run_hostile import Case

CASES = [
    Case("deque_of_huge_range", "from collections import deque\nd = deque(range(10**12))\n", 1,
         r"^MemoryError$", seconds=30, alone=True),
    Case("deque_huge_rotate",
         "from collections import deque\nd = deque(range(1000))\nd.rotate(10**18)\n"
         "d.rotate(-10**18)\nprint(d[0], d[-1])\n", 0, r"^$"),
    Case("deque_rotate_past_ssize_t", "from collections import deque\ndeque([1, 2]).rotate(10**19)\n",
         1, r"^OverflowError: Python int too large to convert to C ssize_t$"),
    Case("deque_extend_itself",
         "from collections import deque\nd = deque(range(100))\nfor i in range(10):\n"
         "    d.extend(d)\nprint(len(d))\n", 0, r"^$", seconds=30),
    Case("deque_nested_repr",
         "from collections import deque\nd = deque()\nfor i in range(100000):\n    d = deque([d])\n"
         "print([d])\n", 2, r"unsupported: the repr of a deque inside another object"),
    Case("deque_deep_repr",
         "from collections import deque\nd = deque()\nfor i in range(100000):\n    d = deque([d])\n"
         "print(d)\n", 2, r"unsupported: the repr of deques nested 101 deep", seconds=30),
    Case("deque_deep_chain_freed",
         "from collections import deque\nd = deque()\nfor i in range(99000):\n    d = deque([d])\n"
         "del d\nprint('freed')\n", 0, r"^$", seconds=30, alone=True),
    Case("deque_chain_past_c_stack",
         "from collections import deque\nd = deque()\nfor i in range(150000):\n    d = deque([d])\n"
         "del d\nprint('freed')\n", 2, r"unsupported: freeing deques nested more than 100000 deep",
         seconds=60, alone=True),
    Case("deque_iterator_type", "from collections import deque\nprint(type(iter(deque())))\n", 2,
         r"unsupported: the type of a deque iterator"),
    Case("defaultdict_deep_chain_freed",
         "from collections import defaultdict\nd = defaultdict()\nfor i in range(40000):\n"
         "    d = defaultdict(None, {0: d})\ndel d\nprint('freed')\n", 0, r"^$", seconds=30),
    Case("defaultdict_chain_past_c_stack",
         "from collections import defaultdict\nd = defaultdict()\nfor i in range(100000):\n"
         "    d = defaultdict(None, {0: d})\ndel d\nprint('freed')\n", 2,
         r"unsupported: freeing defaultdicts nested more than 50000 deep", seconds=60),
    Case("defaultdict_factory_recursion",
         "from collections import defaultdict\nr = defaultdict()\n"
         "r.default_factory = lambda: r[len(r) + 1]\nr[0]\n", 2,
         r"unsupported: a call near the recursion limit through C code", seconds=30),
    Case("defaultdict_factory_mutates_and_frees_itself",
         "from collections import defaultdict\nd = defaultdict()\nd.default_factory = d.clear\n"
         "d[1]\ndef make():\n    def g():\n        d.default_factory = None\n        return [1]\n"
         "    return g\nd.default_factory = make()\nprint(d[2], len(d))\ntry:\n    d[3]\n"
         "except KeyError as e:\n    print('KeyError', e)\n", 0, r"^$",
         stdout=r"^\[1\] 2\nKeyError 3\n$"),
    Case("defaultdict_huge_update",
         "from collections import defaultdict\nd = defaultdict(list, ((i, i) for i in range(10**12)))\n",
         3, r"limit", seconds=60, args=["--max_seconds=3"], alone=True),
    Case("counter_million_keys",
         "from collections import Counter\nc = Counter(range(10**6))\nc.update(range(10**6))\n"
         "print(len(c), c[999999], c.most_common(1))\n", 0, r"^$", seconds=60,
         stdout=r"^1000000 2 \[\(0, 2\)\]\n$", alone=True),
    Case("counter_huge_generator",
         "from collections import Counter\nc = Counter(i for i in range(10**12))\n",
         3, r"limit", seconds=60, args=["--max_seconds=3"], alone=True),
    Case("counter_elements_huge_count",
         "from collections import Counter\nit = Counter(a=10**12, b=-5).elements()\n"
         "print(next(it), next(it))\n", 0, r"^$", stdout=r"^a a\n$"),
    Case("counter_elements_huge_count_listed",
         "from collections import Counter\nx = list(Counter(a=10**12).elements())\n",
         3, r"limit", seconds=60, args=["--max_seconds=3"], alone=True),
    Case("counter_most_common_huge_n",
         "from collections import Counter\nc = Counter('abca')\n"
         "print(c.most_common(10**30), c.most_common(-10**30))\n", 0, r"^$",
         stdout=r"^\[\('a', 2\), \('b', 1\), \('c', 1\)\] \[\]\n$"),
    Case("counter_updates_itself",
         "from collections import Counter\nc = Counter('ab')\nfor i in range(40):\n"
         "    c.update(c)\nc.subtract(c)\nc += c\nprint(c)\n", 0, r"^$", stdout=r"^Counter\(\)\n$"),
    Case("collections_chainmap_attribute", "import collections\ncollections.ChainMap()\n", 2,
         r"unsupported: .*ChainMap"),
    Case("ordereddict_deep_chain_freed",
         "from collections import OrderedDict\nd = OrderedDict()\nfor i in range(200000):\n"
         "    d = OrderedDict([(0, d)])\ndel d\nprint('freed')\n", 0, r"^$", seconds=30),
    Case("ordereddict_deep_repr",
         "from collections import OrderedDict\nd = OrderedDict()\nfor i in range(100000):\n"
         "    d = OrderedDict([(0, d)])\nprint(d)\n", 2,
         r"unsupported: the repr of OrderedDicts nested more than 50 deep", seconds=30),
    Case("ordereddict_self_repr",
         "from collections import OrderedDict\nd = OrderedDict()\nd[0] = d\nd[1] = [d, (d,)]\n"
         "print(d, [d])\n", 0, r"^$",
         stdout=r"^OrderedDict\((\[\(0, \.\.\.\), \(1, \[\.\.\., \(\.\.\.,\)\]\)\]|"
                r"\{0: \.\.\., 1: \[\.\.\., \(\.\.\.,\)\]\})\) "),
    Case("ordereddict_many_moves",
         "from collections import OrderedDict\nod = OrderedDict([(i, i) for i in range(100000)])\n"
         "for i in range(100000):\n    od.move_to_end(i, last=False)\n"
         "for i in range(0, 100000, 2):\n    del od[i]\nprint(len(od), od.popitem(), od.popitem(False))\n",
         0, r"^$", stdout=r"^50000 \(1, 1\) \(99999, 99999\)\n$", seconds=30),
    Case("ordereddict_huge_fill",
         "from collections import OrderedDict\nod = OrderedDict()\nfor i in range(10**12):\n"
         "    od[i] = i\n", 3, r"limit", seconds=60, args=["--max_seconds=3"], alone=True),
    Case("ordereddict_cycle_collected",
         "import gc\nfrom collections import OrderedDict\ngc.collect()\ne = OrderedDict()\ne[0] = e\n"
         "for i in range(100000):\n    e = OrderedDict([(0, e)])\ndel e\nprint(gc.collect() > 0)\n",
         0, r"^$", stdout=r"^True\n$", seconds=30),
    Case("namedtuple_deep_repr",
         "from collections import namedtuple\nP = namedtuple('P', 'x')\np = None\n"
         "for i in range(100000):\n    p = P(p)\nprint(p)\n", 2,
         r"unsupported: the repr of namedtuples nested more than 50 deep", seconds=30),
    Case("namedtuple_list_chain_repr",
         "from collections import namedtuple\nP = namedtuple('P', 'x')\np = None\n"
         "for i in range(100000):\n    p = P([p])\nprint([p])\n", 2,
         r"unsupported: the repr of namedtuples nested more than 50 deep", seconds=30),
    Case("namedtuple_self_in_list_repr",
         "from collections import namedtuple\nP = namedtuple('P', 'x y')\np = P([], 1)\n"
         "p.x.append(p)\nprint(p, [p])\n", 0, r"^$",
         stdout=r"^P\(x=\[P\(x=\[\.\.\.\], y=1\)\], y=1\) \[P\(x=\[P\(x=\[\.\.\.\], y=1\)\], y=1\)\]\n$"),
    Case("namedtuple_deep_chain_freed",
         "from collections import namedtuple\nP = namedtuple('P', 'x')\np = None\n"
         "for i in range(200000):\n    p = P(p)\ndel p\nprint('freed')\n", 0, r"^$",
         stdout=r"^freed\n$", seconds=30, alone=True),
    Case("namedtuple_huge_field_string",
         "from collections import namedtuple\nnamedtuple('B', 'x ' * 10**6)\n", 1,
         r"^ValueError: Encountered duplicate field name: 'x'$", seconds=30, alone=True),
    Case("namedtuple_many_fields",
         "from collections import namedtuple\nB = namedtuple('B', ['f%d' % i for i in range(20000)])\n"
         "b = B(*range(20000))\nprint(b.f19999, len(b), b[-2])\n", 0, r"^$",
         stdout=r"^19999 20000 19998\n$", seconds=30),
    Case("namedtuple_class_collected",
         "import gc\nfrom collections import namedtuple\nP = namedtuple('P', 'x')\ndel P\n"
         "gc.collect()\n", 2,
         r"unsupported: a collection that frees a collections.namedtuple class"),
    Case("namedtuple_subclass",
         "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    __slots__ = ()\n",
         2, r"unsupported: a class derived from a namedtuple class"),
]

"""dataclasses on hostile inputs: huge field counts, deep and recursive
reprs, default factories that raise or never return, asdict() of deep
nests and dataclass() of other objects end with CPython's result, a limit
or a refusal, never a crash or a hang."""
from run_hostile import Case

MANY_FIELDS = ("from dataclasses import dataclass, fields, astuple\n@dataclass\nclass B:\n"
               + "".join("    f%d: int = %d\n" % (i, i) for i in range(3000))
               + "b = B()\nprint(len(fields(b)), b.f2999, len(astuple(b)), B(*range(3000)) == b)\n")

CASES = [
    Case("dataclass_many_fields", MANY_FIELDS, 0, r"^$", stdout=r"^3000 2999 3000 True\n$",
         seconds=60),
    Case("dataclass_deep_repr",
         "from dataclasses import dataclass\n@dataclass\nclass N:\n    next: object = None\n"
         "n = None\nfor i in range(100000):\n    n = N(n)\nprint(n)\n", 2,
         r"unsupported: dataclass reprs nested more than 50 deep", seconds=30),
    Case("dataclass_self_repr",
         "from dataclasses import dataclass\n@dataclass\nclass N:\n    next: object = None\n"
         "n = N()\nn.next = [n, N(n)]\nprint(n)\n", 0, r"^$",
         stdout=r"^N\(next=\[\.\.\., N\(next=\.\.\.\)\]\)\n$"),
    Case("dataclass_deep_chain_freed",
         "from dataclasses import dataclass\n@dataclass\nclass N:\n    next: object = None\n"
         "n = None\nfor i in range(100000):\n    n = N(n)\ndel n\nprint('freed')\n", 0, r"^$",
         stdout=r"^freed\n$", seconds=60, alone=True),
    Case("dataclass_factory_raises",
         "from dataclasses import dataclass, field\n@dataclass\nclass C:\n"
         "    x: int = field(default_factory=lambda: 1 // 0)\nC()\n", 1,
         r"^ZeroDivisionError: integer division or modulo by zero$"),
    Case("dataclass_factory_loops",
         "from dataclasses import dataclass, field\ndef forever():\n    while True:\n        pass\n"
         "@dataclass\nclass C:\n    x: int = field(default_factory=forever)\nC()\n", 3,
         r"limit", seconds=30, args=["--max_seconds=2"], alone=True),
    Case("dataclass_post_init_recursion",
         "from dataclasses import dataclass\n@dataclass\nclass C:\n    x: int = 0\n"
         "    def __post_init__(self):\n        C(self.x + 1)\nC()\n", 2,
         r"unsupported: a call near the recursion limit through C code", seconds=30),
    Case("dataclass_asdict_deep",
         "from dataclasses import dataclass, asdict\n@dataclass\nclass N:\n    next: object = None\n"
         "n = None\nfor i in range(1000):\n    n = N(n)\nasdict(n)\n", 2,
         r"unsupported: asdict\(\)/astuple\(\) of dataclasses nested more than 50 deep"),
    Case("dataclass_of_a_function", "from dataclasses import dataclass\ndataclass(len)\n", 2,
         r"unsupported: dataclass\(\) of a 'builtin_function_or_method' object"),
    Case("dataclass_function_object",
         "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\nprint(P.__init__)\n", 2,
         r"unsupported: attribute '__init__' of dataclass 'P'"),
    Case("dataclass_id_after_import", "import dataclasses\nprint(id(1) > 0)\n", 2,
         r"unsupported: id\(\) after import dataclasses"),
    Case("dataclass_freed_class_counted",
         "import gc\nfrom dataclasses import dataclass\ngc.collect()\n@dataclass\nclass P:\n"
         "    x: int\ndel P\nprint(gc.collect())\n", 2,
         r"unsupported: (the result of gc.collect\(\) when it frees a dataclass|"
         r"gc.collect\(\) of cyclic garbage)"),
]

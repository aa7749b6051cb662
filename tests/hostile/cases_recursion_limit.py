"""sys.setrecursionlimit raising the limit far past what heapsim models:
deep recursion, deep recursion inside a generator, and repr and comparison
of containers nested past the bound (C-level recursion shares the limit
before 3.12). Each must end with a clear result, never crash heapd."""
from run_hostile import Case

DEEP_CALLS = r"unsupported: calls nested more than 5000 deep under a recursion limit raised"
DEEP_NESTING = r"unsupported: containers nested more than 10000 levels deep under a raised"
NESTED = "x = []\nfor i in range(200000):\n    x = [x]\n"

CASES = [
    Case("setrecursionlimit_huge_recursion",
         "import sys\nsys.setrecursionlimit(10**9)\ndef f(n):\n    return f(n + 1)\nf(0)\n",
         2, DEEP_CALLS, seconds=10),
    Case("setrecursionlimit_max_c_int_mutual",
         "import sys\nsys.setrecursionlimit(2**31 - 1)\n"
         "def f(n):\n    return g(n)\ndef g(n):\n    return f(n)\nf(1)\n",
         2, DEEP_CALLS, seconds=10),
    Case("setrecursionlimit_huge_in_generator",
         "import sys\nsys.setrecursionlimit(10**9)\ndef f(n):\n    return f(n + 1)\n"
         "def gen():\n    yield f(0)\nfor v in gen():\n    print(v)\n",
         2, DEEP_CALLS, seconds=10),
    Case("setrecursionlimit_huge_caught",
         "import sys\nsys.setrecursionlimit(10**9)\ndef f(n):\n    try:\n        return f(n + 1)\n"
         "    except RecursionError:\n        return n\nprint(f(0))\n",
         2, DEEP_CALLS, seconds=10),
    Case("setrecursionlimit_huge_repr",
         "import sys\nsys.setrecursionlimit(10**9)\n" + NESTED + "print(len(repr(x)))\n",
         {"3.12": 1, "3.13": 1, "*": 2},
         {"3.12": r"^RecursionError: maximum recursion depth exceeded while getting the repr",
          "3.13": r"^RecursionError: maximum recursion depth exceeded while getting the repr",
          "*": DEEP_NESTING}, seconds=10),
    Case("setrecursionlimit_huge_compare",
         "import sys\nsys.setrecursionlimit(10**9)\n" + NESTED +
         "y = []\nfor i in range(200000):\n    y = [y]\nprint(x == y)\n",
         {"3.12": 1, "3.13": 1, "*": 2},
         {"3.12": r"^RecursionError: maximum recursion depth exceeded in comparison$",
          "3.13": r"^RecursionError: maximum recursion depth exceeded in comparison$",
          "*": DEEP_NESTING}, seconds=10),
    Case("setrecursionlimit_too_large_int",
         "import sys\nsys.setrecursionlimit(2**31)\n", 1,
         r"^OverflowError: Python int too large to convert to C int$"),
    Case("setrecursionlimit_zero", "import sys\nsys.setrecursionlimit(0)\n", 1,
         r"^ValueError: recursion limit must be greater or equal than 1$"),
]

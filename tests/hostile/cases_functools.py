"""functools on hostile inputs: reduce over enormous or endless iterables,
recursion through reduce, and functools' unmodelled names end with CPython's
error, a limit or a refusal, never a crash or a hang."""
from run_hostile import Case

TIMED = ["--max_seconds=2"]
TIME_LIMIT = r"^time limit reached: the call ran longer than 2s$"

CASES = [
    Case("functools_reduce_huge_range",
         "import functools, operator\nfunctools.reduce(operator.add, range(10**12))\n", 3,
         TIME_LIMIT, 6, args=TIMED),
    Case("functools_reduce_endless",
         "import functools\ndef ones():\n    while True:\n        yield 1\n"
         "functools.reduce(lambda a, b: b, ones())\n", 3, TIME_LIMIT, 6, args=TIMED),
    Case("functools_reduce_growing_list",
         "import functools\n"
         "functools.reduce(lambda acc, x: acc.append([x] * 10**6) or acc, range(10**6), [])\n",
         1, r"^MemoryError$", seconds=30, alone=True),
    Case("functools_reduce_recursive",
         "import functools\ndef f(a, b):\n    return functools.reduce(f, [a, b])\nf(1, 2)\n", 2,
         r"unsupported: a call near the recursion limit through C code"),
    Case("functools_cache_recursive",
         "import functools\n@functools.cache\ndef f(n):\n    return [n] * 1000 + f(n + 1)\nf(0)\n",
         {"*": 2, "3.8": 1},
         {"*": r"unsupported: a call near the recursion limit through C code",
          "3.8": r"^AttributeError: module 'functools' has no attribute 'cache'$"}),
    Case("functools_lru_cache_past_recursion_limit",
         "import functools\n@functools.lru_cache(maxsize=None)\ndef f(n):\n    return f(n + 1)\n"
         "f(0)\n", 2, r"unsupported: a call near the recursion limit through C code"),
    Case("functools_lru_cache_bounded_recursion",
         "import functools, sys\nsys.setrecursionlimit(100000)\n"
         "@functools.lru_cache(maxsize=2)\ndef f(n):\n    return 0 if n > 10**6 else f(n + 1)\n"
         "f(0)\n", 2,
         {"*": r"unsupported: calls nested more than 5000 deep",
          "3.12": r"unsupported: a call near the recursion limit through C code",
          "3.13": r"unsupported: a call near the recursion limit through C code"}),
    Case("functools_lru_cache_millions_of_keys",
         "import functools\n@functools.lru_cache(maxsize=None)\ndef f(n):\n    return n\n"
         "for i in range(10**9):\n    f(i)\n", 3, TIME_LIMIT, 6, args=TIMED, alone=True),
    Case("functools_lru_cache_huge_results",
         "import functools\n@functools.lru_cache(maxsize=None)\ndef f(n):\n    return [n] * 10**6\n"
         "for i in range(10**6):\n    f(i)\n", 1, r"^MemoryError$", seconds=30, alone=True),
    Case("functools_lru_cache_evicting_forever",
         "import functools\n@functools.lru_cache(maxsize=1000)\ndef f(n):\n    return str(n)\n"
         "i = 0\nwhile True:\n    f(i)\n    i += 1\n", 3, TIME_LIMIT, 6, args=TIMED),
    Case("functools_partial_nesting",
         "import functools\ndef f(*a):\n    return len(a)\np = f\nfor i in range(10**6):\n"
         "    p = functools.partial(p, i)\n", 3, TIME_LIMIT, 6, args=TIMED),
    Case("functools_partial_recursive",
         "import functools\ndef f(n):\n    return again(n + 1)\nagain = functools.partial(f)\n"
         "again(0)\n", {"*": 2},
         r"unsupported: a call near the recursion limit through C code"),
    Case("functools_reduce_class_function",
         "import functools\nclass C:\n    pass\nfunctools.reduce(C, [1, 2])\n", 2,
         r"unsupported: functools.reduce\(\) with a function of type 'type'"),
]

"""math and operator on hostile inputs: huge factorials, binomials and
integer roots, endless or enormous iterables and self-referencing operands
end with CPython's error, a refusal or a limit, never a crash or a hang."""
from run_hostile import Case

# Cases that end at the time limit run with a short one.
TIMED = ["--max_seconds=2"]

CASES = [
    Case("math_factorial_huge", "import math\nmath.factorial(10**8)\n", 2,
         r"unsupported: math.factorial\(n\) for n above 20,000"),
    Case("math_factorial_largest", "import math\nx = math.factorial(20000)\nprint(x > 0)\n", 0,
         r"^$", seconds=20, stdout=r"^True\n$"),
    Case("math_factorial_too_big_for_c", "import math\nmath.factorial(10**30)\n", 1,
         r"^OverflowError: factorial\(\) argument should not exceed 9223372036854775807$"),
    Case("math_comb_huge", "import math\nmath.comb(10**6, 5 * 10**5)\n", 2,
         r"unsupported: math.comb\(n, k\) for min\(k, n - k\) above 20,000"),
    Case("math_perm_huge_n", "import math\nprint(math.perm(10**50, 3) > 0)\n", 0, r"^$",
         stdout=r"^True\n$"),
    Case("math_isqrt_huge", "import math\nx = math.isqrt(7 ** 2000000)\n", {"*": 3},
         r"limit", seconds=20, args=TIMED),
    Case("math_gcd_huge", "import math\nx = math.gcd(3 ** 300000 + 1, 2 ** 500000 + 3)\n",
         {"3.8": 3, "*": 3}, r"limit", seconds=20, args=TIMED),
    Case("math_fsum_endless", "import math\ndef ones():\n    while True:\n        yield 1.5\nmath.fsum(ones())\n", 3, r"limit", seconds=20, args=TIMED),
    Case("math_prod_endless", "import math\ndef ones():\n    while True:\n        yield 1\nmath.prod(ones())\n", 3, r"limit", seconds=20, args=TIMED),
    Case("math_log_huge_int", "import math\nprint(math.log(10 ** 5000))\n", 0, r"^$",
         stdout=r"^11512\.92546497"),
    Case("math_unmodelled_name", "import math\nmath.hypot(3, 4)\n", 2,
         r"unsupported: attribute 'hypot' of a 'module' object"),
    Case("operator_recursive_eq",
         "import operator\na = []\na.append(a)\nb = []\nb.append(b)\noperator.eq(a, b)\n", 1,
         r"^RecursionError: maximum recursion depth exceeded"),
    Case("operator_iadd_self", "import operator\na = [1, 2]\nfor i in range(20):\n"
         "    operator.iadd(a, a)\nprint(len(a))\n", 0, r"^$", stdout=r"^2097152\n$", seconds=20),
    Case("operator_countof_endless", "import operator\ndef ones():\n    while True:\n        yield 1\noperator.countOf(ones(), 1)\n", 3,
         r"limit", seconds=20, args=TIMED),
    Case("operator_call_nested", "import operator\nf = operator.call\n"
         "print(f(f, f, f, f, len, 'abc'))\n", {"3.8": 1, "3.9": 1, "3.10": 2, "*": 0},
         {"3.8": r"^AttributeError: module 'operator' has no attribute 'call'$",
          "3.9": r"^AttributeError: module 'operator' has no attribute 'call'$",
          # 3.10 would add a "Did you mean" hint from the module's names.
          "3.10": r"unsupported: the hint of an uncaught AttributeError on a 'module' object",
          "*": r"^$"}),
]

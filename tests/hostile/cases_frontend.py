"""Hostile source text and deep structures: CPython's own errors per profile,
measured on the pyenv interpreters (3.8.18 to 3.13.0), never a crash.

Figures: the tokenizer allows 200 open brackets (3.9+) and 99 indentation
levels; 3.8's LL(1) parser has a stack of 1700 grammar nonterminals (about
100 nested brackets), 3.9+'s PEG parser 6000 rule levels; 3.10 to 3.12's
compiler refuses trees deeper than 3000, 3.13's deeper than 10000; repr()
and comparisons of nested containers stop at the C recursion limit.
"""
from run_hostile import Case

PEG_OVERFLOW = {"3.8": r"^MemoryError$", "3.9": r"^MemoryError$", "3.10": r"^MemoryError$",
                "3.11": r"^MemoryError$",
                "*": r"^MemoryError: Parser stack overflowed - Python source too complex to parse$"}
COMPILE_RECURSION = r"^RecursionError: maximum recursion depth exceeded during compilation$"
NESTED_PARENS = r"SyntaxError: too many nested parentheses$"
REPR_RECURSION = r"^RecursionError: maximum recursion depth exceeded while getting the repr of an object$"
COMPARE_RECURSION = r"^RecursionError: maximum recursion depth exceeded in comparison$"
DIGITS_OLD = r"Exceeds the limit \(4300\) for integer string conversion"
DIGITS_NEW = r"Exceeds the limit \(4300 digits\) for integer string conversion"


def per_version(old, new):
    """`old` for 3.8 to 3.10, `new` from 3.11."""
    return {"3.8": old, "3.9": old, "3.10": old, "*": new}


def nested_list(levels):
    return "x = []\nfor i in range(%d):\n    x = [x]\n" % levels


def nested_pair(levels):
    return nested_list(levels) + "y = []\nfor i in range(%d):\n    y = [y]\n" % levels


# 3.9 checks the tree's depth after folding constants, which heapsim does not
# model: it refuses trees deeper than the check's 3000 levels.
DEEPER_THAN_CHECKED = r"unsupported: an expression nested more than \d+ levels deep"

DEEP = 10 ** 6
DEEP_TIME = ("--max_seconds=40",)

CASES = [
    # --- the tokenizer and the parser
    Case("brackets_100000", "x = " + "[" * 100000 + "]" * 100000 + "\n", {"3.8": 1, "*": 2},
         {"3.8": r"^MemoryError$", "*": NESTED_PARENS}, seconds=5),
    Case("parens_5000", "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n", {"3.8": 1, "*": 2},
         {"3.8": r"^MemoryError$", "*": NESTED_PARENS}, seconds=5),
    Case("brackets_200", "x = " + "[" * 200 + "]" * 200 + "\nprint(len(x))\n", {"3.8": 1, "*": 0},
         {"3.8": r"^MemoryError$", "*": r"^$"}, seconds=5),
    Case("unary_5000", "x = " + "-" * 5000 + "1\nprint(x)\n", {"3.9": 2, "3.13": 0, "*": 1},
         {"3.8": r"^MemoryError$", "3.9": DEEPER_THAN_CHECKED, "3.13": r"^$",
          "*": COMPILE_RECURSION},
         seconds=5),
    Case("not_6000", "x = " + "not " * 6000 + "1\n", 1, PEG_OVERFLOW, seconds=5),
    Case("not_5000", "x = " + "not " * 5000 + "1\n", {"3.9": 2, "3.13": 0, "*": 1},
         {"3.8": r"^MemoryError$", "3.9": DEEPER_THAN_CHECKED, "3.13": r"^$",
          "*": COMPILE_RECURSION},
         seconds=5),
    Case("power_5000", "x = " + "1**" * 5000 + "1\n", 1, PEG_OVERFLOW, seconds=5),
    Case("lambda_5000", "x = " + "lambda: " * 5000 + "1\n", 1, PEG_OVERFLOW, seconds=5),
    Case("sum_200000", "x = " + "+".join(["1"] * 200000) + "\n", {"3.8": 2, "3.9": 2, "*": 1},
         {"3.8": DEEPER_THAN_CHECKED, "3.9": DEEPER_THAN_CHECKED, "*": COMPILE_RECURSION},
         seconds=10),
    Case("conditional_2999", "x = " + "1 if 1 else " * 2999 + "1\n", {"3.9": 2, "3.13": 0, "*": 1},
         {"3.8": r"^MemoryError$", "3.9": DEEPER_THAN_CHECKED, "3.13": r"^$",
          "*": COMPILE_RECURSION}, seconds=5),
    Case("nested_ifs_2000", "".join(" " * i + "if 1:\n" for i in range(2000)) + " " * 2000 + "pass\n",
         2, r"IndentationError: too many levels of indentation$", seconds=5),
    Case("nested_ifs_99", "".join(" " * i + "if 1:\n" for i in range(99)) + " " * 99 + "print('deep')\n",
         0, r"^$", stdout=r"^deep\n$", seconds=5),
    Case("null_byte", b"x = 1\n\x00\nprint(x)\n", 2,
         {"3.8": r"unsupported: a null byte", "3.9": r"unsupported: a null byte",
          "3.10": r"unsupported: a null byte",
          "*": r"SyntaxError: source code cannot contain null bytes$"}, seconds=5),
    Case("mixed_tabs", "if 1:\n\tx = 1\n        y = 2\n", 2,
         r"TabError: inconsistent use of tabs and spaces in indentation$", seconds=5),
    # --- int <-> str beyond 4300 digits
    Case("int_from_long_str", "int('1' * 5000)\n", 1,
         per_version(r"^ValueError: " + DIGITS_OLD + r": value has 5000 digits; use "
                     r"sys.set_int_max_str_digits\(\) to increase the limit$",
                     r"^ValueError: " + DIGITS_NEW + r": value has 5000 digits; use "
                     r"sys.set_int_max_str_digits\(\) to increase the limit$"), seconds=5),
    Case("str_of_big_int", "x = 10 ** 5000\ns = str(x)\n", 1,
         per_version(r"^ValueError: " + DIGITS_OLD + r"; use sys.set_int_max_str_digits\(\) to "
                     r"increase the limit$",
                     r"^ValueError: " + DIGITS_NEW + r"; use sys.set_int_max_str_digits\(\) to "
                     r"increase the limit$"), seconds=5),
    Case("fstring_of_big_int", "x = 10 ** 5000\ns = f'{x}'\n", 1,
         per_version(r"^ValueError: " + DIGITS_OLD, r"^ValueError: " + DIGITS_NEW), seconds=5),
    Case("long_int_literal", "x = " + "1" * 5000 + "\n", 2,
         per_version(r"SyntaxError: " + DIGITS_OLD + r": value has 5000 digits; use "
                     r"sys.set_int_max_str_digits\(\) to increase the limit - Consider "
                     r"hexadecimal for huge integer literals to avoid decimal conversion limits.$",
                     r"SyntaxError: " + DIGITS_NEW + r": value has 5000 digits; use "
                     r"sys.set_int_max_str_digits\(\) to increase the limit - Consider "
                     r"hexadecimal for huge integer literals to avoid decimal conversion limits.$"),
         seconds=5),
    Case("int_4300_digits_ok", "x = int('7' * 4300)\nprint(len(str(x)))\n", 0, r"^$",
         stdout=r"^4300\n$", seconds=5),
    # --- deep structures at run time (their own time limit: building a
    # million-deep structure may outlast the server's default 10 s under load)
    Case("deep_list_repr", nested_list(DEEP) + "r = repr(x)\n", 1, REPR_RECURSION,
         seconds=30, args=DEEP_TIME, alone=True),
    Case("deep_list_print", nested_list(DEEP) + "print(x)\n", 1, REPR_RECURSION,
         seconds=30, args=DEEP_TIME, alone=True),
    Case("deep_list_eq", nested_pair(DEEP) + "print(x == y)\n", 1, COMPARE_RECURSION,
         seconds=40, args=DEEP_TIME, alone=True),
    # CPython's tuple hash recurses on its C stack and crashes: refused.
    Case("deep_tuple_hash_past_cpython", "t = ()\nfor i in range(10**6):\n    t = (t,)\nh = hash(t)\n", 2,
         r"unsupported: hashing a tuple nested more than 100000 levels deep", seconds=20, alone=True),
    Case("deep_list_lt", nested_pair(DEEP) + "print(x < y)\n", 1, COMPARE_RECURSION,
         seconds=40, args=DEEP_TIME, alone=True),
    Case("deep_list_in", nested_pair(DEEP) + "print(x in [y])\n", 1, COMPARE_RECURSION,
         seconds=40, args=DEEP_TIME, alone=True),
    Case("deep_list_del", nested_list(DEEP) + "del x\nprint('freed')\n", 0, r"^$",
         stdout=r"^freed\n$", seconds=30, args=DEEP_TIME, alone=True),
    Case("deep_list_cycle_collect",
         "import gc\n" + nested_list(DEEP) + "x.append(x)\ndel x\nprint(gc.collect() > 0)\n", 0,
         r"^$", stdout=r"^True\n$", seconds=40, args=DEEP_TIME, alone=True),
    Case("deep_tuple_hash", "t = ()\nfor i in range(10 ** 5):\n    t = (t,)\nprint(hash(t))\n", 0,
         r"^$", stdout=r"^226928516440299980\n$", seconds=30, args=DEEP_TIME),
    # --- Python-level recursion keeps the recursion limit
    Case("mutual_recursion", "def f(n):\n    return g(n)\ndef g(n):\n    return f(n)\nf(1)\n", 1,
         r"^RecursionError: maximum recursion depth exceeded", seconds=10),
    # Through __init__ (type.__call__, C code) CPython counts levels of its
    # own, which heapsim does not: refused near the limit.
    Case("method_recursion",
         "class A:\n    def __init__(self):\n        self.m()\n    def m(self):\n        A()\nA()\n",
         2, r"unsupported: a call near the recursion limit through C code", seconds=10),
    Case("lambda_recursion", "f = lambda n: f(n + 1)\nf(0)\n", 1,
         r"^RecursionError: maximum recursion depth exceeded", seconds=10),
    Case("comprehension_recursion", "def f(n):\n    return [f(n + 1) for i in range(1)]\nf(0)\n", 1,
         r"^RecursionError: maximum recursion depth exceeded", seconds=10),
    Case("genexp_recursion", "def f(n):\n    return sum(f(n + 1) for i in range(1))\nf(0)\n", 1,
         r"^RecursionError: maximum recursion depth exceeded", seconds=10),
]

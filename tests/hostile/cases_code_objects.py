"""Function code objects (f.__code__) at their edges: deep closure chains,
thousands of locals, code read in a loop, and what stays refused by name."""
from run_hostile import Case


def closure_chain(levels):
    """`levels` nested functions, the innermost returning the outermost's
    parameter: every level between keeps it as a free variable."""
    lines = ["def level0(v):"]
    for i in range(1, levels):
        lines.append("    " * i + "def level%d():" % i)
    lines.append("    " * levels + "return v")
    for i in range(levels - 1, 0, -1):
        lines.append("    " * i + "return level%d" % i)
    lines.append("f = level0(7)")
    lines.append("for _ in range(%d):" % (levels - 2))
    lines.append("    f = f()")
    lines.append("c = f.__code__")
    lines.append("print(c.co_name, c.co_freevars, c.co_flags, level0.__code__.co_cellvars, f())")
    return "\n".join(lines) + "\n"


def many_locals(count):
    body = "".join("    v%d = %d\n" % (i, i) for i in range(count))
    return ("def f():\n" + body + "    return 0\n"
            "c = f.__code__\n"
            "print(c.co_nlocals, len(c.co_varnames), c.co_varnames[-1])\n")


def many_constants(count):
    return ("def f():\n    return [" + ", ".join("'s%d'" % i for i in range(count)) + "]\n"
            "print(len(f.__code__.co_consts))\n")


CASES = [
    Case("code_closure_chain", closure_chain(40), 0, r"^$",
         stdout=r"^level39 \('v',\) 19 \('v',\) 7\n$"),
    Case("code_many_locals", many_locals(5000), 0, r"^$",
         stdout=r"^5000 5000 v4999\n$"),
    Case("code_many_constants", many_constants(20000), 2,
         r"unsupported: attribute 'co_consts' of a 'code' object$"),
    Case("code_names_read_in_a_loop",
         "def f(a, b, *c, d, **e):\n    g = a\n    return lambda: g\n"
         "code = f.__code__\nn = 0\nfor _ in range(100000):\n"
         "    n += len(code.co_varnames) + len(code.co_cellvars) + len(code.co_freevars)\n"
         "print(n, code.co_varnames, code.co_cellvars)\n",
         0, r"^$", stdout=r"^600000 \('a', 'b', 'd', 'c', 'e'\) \('g',\)\n$"),
    Case("code_qualname_uncaught", "def f():\n    pass\nprint(f.__code__.co_qualname)\n",
         {"3.8": 1, "3.9": 1, "3.10": 2, "*": 0},
         {"3.8": r"^AttributeError: 'code' object has no attribute 'co_qualname'$",
          "3.9": r"^AttributeError: 'code' object has no attribute 'co_qualname'$",
          "3.10": r"unsupported: the hint of an uncaught AttributeError on a 'code' object$",
          "*": r"^$"}),
]

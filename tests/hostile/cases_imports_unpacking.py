"""from-imports and starred targets outside what heapsim models: refused by
name before anything runs, or CPython's error."""
from run_hostile import Case

CASES = [
    Case("from_import_other_module", "from os import path\n", 2,
         r"1:6: unsupported: import of module 'os' \(only sys, gc and tracemalloc\)$"),
    Case("from_import_dotted_module", "from sys.x import y\n", 2,
         r"unsupported: import of module 'sys'"),
    Case("from_import_relative", "from . import sys\n", 2, r"1:6: unsupported: relative import$"),
    Case("from_import_star", "from gc import *\n", 2, r"1:16: unsupported: 'from gc import \*'$"),
    Case("from_import_unmodelled_name", "x = 1\nfrom sys import argv\n", 2,
         r"2:17: unsupported: import of 'sys.argv'"),
    Case("from_import_reset_peak", "from tracemalloc import reset_peak\n", 2,
         r"unsupported: import of 'tracemalloc.reset_peak'"),
    Case("from_import_trailing_comma", "from sys import getsizeof,\n", 2, r"SyntaxError"),
    Case("from_import_empty_parens", "from sys import ()\n", 2, r"SyntaxError"),
    Case("starred_two_targets", "a, *b, *c = [1, 2, 3]\n", 2,
         r"unsupported: more than one starred assignment target$"),
    Case("starred_alone", "*a = [1, 2]\n", 2,
         r"SyntaxError: starred assignment target must be in a list or tuple$"),
    Case("starred_del", "a = [1]\ndel (a, *a)\n", 2, r"unsupported: deleting a starred target$"),
    Case("starred_not_enough", "a, *b, c = [1]\n", 1,
         r"^ValueError: not enough values to unpack \(expected at least 2, got 1\)$"),
    Case("starred_non_iterable", "a, *b = 3.5\n", 1,
         r"^TypeError: cannot unpack non-iterable float object$"),
]

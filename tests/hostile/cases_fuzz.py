"""Inputs the fuzzers found: each once hung or crashed heapd."""
from run_hostile import Case

CASES = [
    # A lone surrogate escape made the compiler's UTF-8 decoding loop forever.
    Case("surrogate_escape", 's = "\\ud800"\nprint(len(s))\n', 2,
         r"unsupported: a lone surrogate in a string \(\\ud800\)$"),
    Case("surrogate_escape_fstring", 'x = 1\ns = f"{x}\\U0000dfff"\n', 2,
         r"unsupported: a lone surrogate in a string \(\\U0000dfff\)$"),
]

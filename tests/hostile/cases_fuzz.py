"""Inputs the fuzzers found: each once hung or crashed heapd, or broke a
contract the fuzzers check."""
from run_hostile import Case

CASES = [
    # A lone surrogate escape made the compiler's UTF-8 decoding loop forever.
    Case("surrogate_escape", 's = "\\ud800"\nprint(len(s))\n', 2,
         r"unsupported: a lone surrogate in a string \(\\ud800\)$"),
    Case("surrogate_escape_fstring", 'x = 1\ns = f"{x}\\U0000dfff"\n', 2,
         r"unsupported: a lone surrogate in a string \(\\U0000dfff\)$"),
    # A backslash ending the text inside a string: the lexer read past the
    # text's end.
    Case("string_ends_in_backslash", 's = "#\\', 2, r"SyntaxError: unterminated string literal"),
    # 3,000 unary minuses and a name: CPython's front end gives up on 3.8
    # (parser stack) and 3.10 to 3.12 (compiler recursion); 3.13 runs it
    # (NameError); 3.9 folds constants first, which heapsim refuses to guess.
    Case("unary_minus_chain", "-" * 3000 + "cl\n",
         {"3.8": 1, "3.9": 2, "3.13": 1, "*": 1},
         {"3.8": r"^MemoryError$", "3.9": r"unsupported: an expression nested more than 3000",
          "3.13": r"NameError: name 'cl' is not defined",
          "*": r"RecursionError: maximum recursion depth exceeded during compilation"}),
]

"""Inputs that are plainly wrong: each must end with CPython's error."""
from run_hostile import Case

CASES = [
    Case("undefined_name", "print(nope)\n", 1,
         {"3.8": r"^NameError: name 'nope' is not defined$",
          "3.9": r"^NameError: name 'nope' is not defined$",
          "*": r"^NameError: name 'nope' is not defined. Did you mean: 'None'\?$"}),
    Case("zero_division", "1 // 0\n", 1, r"^ZeroDivisionError"),
]

"""copy.copy and copy.deepcopy on hostile inputs: deep nesting, cycles, large
structures and wrong arguments end with CPython's error, a refusal or a limit,
never a crash or a hang."""
from run_hostile import Case

CASES = [
    Case("copy_deep_nesting",
         "import copy\na = []\nfor i in range(100000):\n    a = [a]\ncopy.deepcopy(a)\n", 2,
         r"unsupported: copy.copy or copy.deepcopy nested near the recursion limit"),
    Case("copy_cycle_through_dicts",
         "import copy\nd = {}\nd['self'] = [d, d]\ne = copy.deepcopy(d)\n"
         "print(e['self'][0] is e, e is d)\n", 0, r"^$"),
    Case("copy_large_structure",
         "import copy\na = [[i] * 10 for i in range(20000)]\nb = copy.deepcopy(a)\n"
         "print(len(b), b[5] is a[5])\n", 0, r"^$", seconds=30),
    Case("copy_no_argument", "import copy\ncopy.copy()\n", 1,
         r"^TypeError: copy\(\) missing 1 required positional argument: 'x'$"),
    Case("copy_two_arguments", "import copy\ncopy.copy(1, 2)\n", 1,
         r"^TypeError: copy\(\) takes 1 positional argument but 2 were given$"),
    Case("deepcopy_nil_argument", "import copy\ncopy.deepcopy(1, {}, [])\n", 2,
         r"unsupported: copy.deepcopy\(\) given its _nil argument or more"),
    Case("copy_generator", "import copy\ncopy.deepcopy([(i for i in range(3))])\n", 1,
         r"^TypeError: cannot pickle 'generator' object$"),
    Case("copy_unmodelled_name", "from copy import Error\n", 2,
         r"unsupported: import of 'copy.Error'"),
]

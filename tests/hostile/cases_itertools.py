"""itertools on hostile inputs: endless iterators consumed whole, huge
repeat counts, deep nesting of wrapping iterators and unmodelled names end
with CPython's result, the session's limit or a refusal, quickly, never a
crash or a hang."""
from run_hostile import Case

TIMED = ["--max_seconds=2"]
TIME_LIMIT = r"^time limit reached: the call ran longer than 2s$"

CASES = [
    # A new int per item: the call's time limit comes before the memory limit.
    # (one second: heapd's host memory for the ints it makes meanwhile stays
    # well under the suite's RSS bound)
    Case("itertools_list_of_count", "import itertools\nx = list(itertools.count())\n", 3,
         r"^time limit reached: the call ran longer than 1s$", 6, args=["--max_seconds=1"], alone=True),
    # The same items again and again: the list's slots reach the memory limit.
    Case("itertools_tuple_of_cycle", "import itertools\nx = tuple(itertools.cycle('ab'))\n", 1,
         r"^MemoryError$", seconds=60, alone=True),
    # list() asks an endless repeat for its length hint, which raises.
    Case("itertools_list_of_endless_repeat", "import itertools\nx = list(itertools.repeat(1))\n",
         2, r"unsupported: the length hint of an endless itertools.repeat"),
    # A hinted length past the limit: MemoryError at once.
    Case("itertools_huge_repeat_list", "import itertools\nx = list(itertools.repeat(None, 10**15))\n",
         1, r"^MemoryError$", seconds=30),
    # Skipping 10**12 items stops at the time limit, inside next().
    Case("itertools_huge_islice_skip",
         "import itertools\nprint(next(itertools.islice(itertools.count(), 10**12, None), 'none'))\n",
         3, TIME_LIMIT, 6, args=TIMED, alone=True),
    Case("itertools_nested_chains",
         "import itertools\nc = [1]\nfor i in range(100000):\n    c = itertools.chain(c)\n"
         "print(next(c))\n", 2, r"unsupported: iterators \(.*itertools'\) nested more than 50,000",
         seconds=60),
    # A million pools (one tuple, shared): made as CPython makes them.
    Case("itertools_product_huge",
         "import itertools\np = itertools.product(range(10**6), repeat=10**6)\nprint('made')\n",
         0, r"^$", seconds=30, stdout=r"^made\n$"),
    # ...and past the memory limit, a MemoryError at once.
    Case("itertools_product_past_limit",
         "import itertools\nitertools.product([1], repeat=10**9)\n", 1, r"^MemoryError$"),
    Case("itertools_product_repeat_overflow",
         "import itertools\nitertools.product([1], [2], repeat=2**61)\n", 1,
         r"^OverflowError: repeat argument too large$"),
    Case("itertools_permutations_huge_r",
         "import itertools\nitertools.permutations([1], 10**12)\n", 1, r"^MemoryError$"),
    # Unmodelled names are refused before any work.
    Case("itertools_tee_huge", "import itertools\nitertools.tee([1], 10**9)\n", 2,
         r"unsupported: attribute 'tee' of a 'module' object"),
]

"""array.array past the session's memory: repetition, in-place repetition
and growth item by item must end with MemoryError or a limit, at once,
never a crash or a hang of heapd."""
from run_hostile import Case

FAST = 2.0  # an allocation past the limit is refused at once, before any work

CASES = [
    Case("array_repeat_huge", "import array\na = array.array('d', [0]) * 10**12\n",
         1, r"^MemoryError$", FAST),
    Case("array_repeat_huge_in_place",
         "import array\na = array.array('q', range(1000))\na *= 10**9\n", 1, r"^MemoryError$", FAST),
    Case("array_repeat_past_ssize",
         "import array\na = array.array('d', [0, 1]) * (2**62)\n", 1, r"^MemoryError$", FAST),
    Case("array_extend_endless_doubling",
         "import array\na = array.array('b', b'x')\nwhile True:\n    a += a\n", 1, r"^MemoryError$",
         10, alone=True),
    Case("array_buffer_info_refused",
         "import array\nprint(array.array('i').buffer_info())\n", 2,
         r"unsupported: array.buffer_info\(\)", FAST),
]

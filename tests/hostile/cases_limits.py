"""Resource limits: huge allocations, runaway loops, long builtins, output
floods and big-int bombs. Each ends in bounded time with CPython's error
(measured under a memory limit) or a limit's exit 3, and heapd stays up.

The time cases run with a 2-second budget (--max_seconds) so they are quick;
the limit must stop them inside the builtin, not only between statements.
"""
from run_hostile import Case

FAST = 2.0  # an allocation past the limit is refused at once, before any work
TIMED = ["--max_seconds=2"]
TIME_LIMIT = r"^time limit reached: the call ran longer than 2s$"

CASES = [
    # Sizes past the session's 1 GiB: MemoryError before host memory is spent.
    Case("limit_list_repeat", "l = [0] * (10 ** 9)\n", 1, r"^MemoryError$", FAST),
    Case("limit_list_repeat_in_place", "l = [0] * 10**6\nl *= 10**6\n", 1, r"^MemoryError$", FAST),
    Case("limit_tuple_repeat", "t = (1,) * (10**10)\n", 1, r"^MemoryError$", FAST),
    # A length hint past the limits: the preallocation fails at once.
    Case("limit_list_of_huge_range", "x = list(range(10**18))\n", 1, r"^MemoryError$", FAST),
    Case("limit_starred_huge_range", "a, *b, c = range(10**18)\n", 1, r"^MemoryError$", FAST),
    Case("limit_str_repeat", "s = 'a' * (2 ** 40)\n", 1, r"^MemoryError$", FAST),
    Case("limit_bytes_repeat", "b = b'a' * (2 ** 40)\n", 1, r"^MemoryError$", FAST),
    Case("limit_bytes_zeroed", "b = bytes(10**10)\n", 1, r"^MemoryError$", FAST),
    Case("limit_bytearray_zeroed", "b = bytearray(10**10)\n", 1, r"^MemoryError$", FAST),
    Case("limit_list_of_huge_range", "l = list(range(10**12))\n", 1, r"^MemoryError$", FAST),
    Case("limit_join_huge", "s = ','.join(['x' * 10000] * 10**6)\n", 1, r"^MemoryError$", FAST),
    Case("limit_shift_bomb", "x = 1 << (2**40)\n", 1, r"^MemoryError$", FAST),
    # CPython squares towards 2**40 bits until an allocation fails, after
    # minutes; heapsim knows the size at once.
    Case("limit_pow_bomb", "x = 2 ** (2**40)\n", 1, r"^MemoryError$", FAST),
    # CPython's answer wins where it is not a MemoryError.
    Case("limit_str_repeat_overflow", "s = 'ab' * (2 ** 62)\n", 1,
         r"^OverflowError: repeated string is too long$", FAST),
    Case("limit_bytes_repeat_overflow", "b = b'ab' * (2 ** 62)\n", 1,
         r"^OverflowError: repeated bytes are too long$", FAST),
    Case("limit_repeat_count_overflow", "s = 'a' * (2 ** 63)\n", 1,
         r"^OverflowError: cannot fit 'int' into an index-sized integer$", FAST),
    Case("limit_bytes_count_overflow", "b = bytes(2 ** 63)\n", 1,
         r"^OverflowError: cannot fit 'int' into an index-sized integer$", FAST),
    # A MemoryError is an ordinary exception: the script goes on.
    Case("limit_memory_error_caught",
         "try:\n    l = [0] * (10 ** 9)\nexcept MemoryError:\n    print('caught')\n"
         "l = [0] * 10\nprint(len(l))\n", 0, None, FAST, stdout=r"^caught\n10\n$"),
    # Time: loops and single long builtins stop at the call's time limit.
    Case("limit_time_loop", "while True:\n    x = [1] * 100\n", 3, TIME_LIMIT, 4, args=TIMED),
    Case("limit_time_membership", "l = list(range(10**6))\nwhile True:\n    -1 in l\n", 3,
         TIME_LIMIT, 4, args=TIMED),
    Case("limit_time_sort", "l = list(range(10**6))\nwhile True:\n    sorted(l)\n", 3,
         TIME_LIMIT, 4, args=TIMED),
    Case("limit_time_index", "l = [0] * 10**7\nwhile True:\n    l.count(1)\n", 3, TIME_LIMIT, 4,
         args=TIMED),
    Case("limit_time_pow", "x = 10**10**8\n", 3, TIME_LIMIT, 4, args=TIMED),
    Case("limit_time_squaring", "x = 3 ** 100000\nwhile True:\n    x = x * x\n", 3, TIME_LIMIT, 4,
         args=TIMED),
    Case("limit_time_comprehension", "x = [i for i in range(10**12) if i < 0]\n", 3, TIME_LIMIT,
         4, args=TIMED),
    # Output: capped, then exit 3 with a clear message.
    Case("limit_output_flood", "while True:\n    print('y' * 100000)\n", 3,
         r"^output limit reached: the program printed more than 1000000 bytes$", 4,
         args=["--max_output_bytes=1000000"]),
]

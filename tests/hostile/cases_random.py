"""Module random past its limits: bit counts beyond a C int, ints and
seeds of millions of bits, calls in endless loops and unseeded use must end
with CPython's error, a limit or a refusal at once, never a crash or a hang
of heapd."""
from run_hostile import Case

TIMED = ["--max_seconds=2"]

CASES = [
    Case("random_getrandbits_past_c_int",
         "import random\nrandom.seed(1)\nrandom.getrandbits(10**10)\n", 1,
         r"^OverflowError: Python int too large to convert to C int$", 2.0),
    Case("random_getrandbits_huge_ints_hoarded",
         "import random\nrandom.seed(1)\nx = [random.getrandbits(2**22) for i in range(10**6)]\n",
         1, r"^MemoryError$", 30, args=["--max_bytes=268435456"]),
    Case("random_seed_and_draw_of_a_million_bits",
         "import random\nrandom.seed(-10**300000)\nprint(random.randrange(10**100000) > 0)\n"
         "print(random.getrandbits(2**20) < 2**(2**20))\n",
         0, r"^$", 20, stdout=r"^True\nTrue\n$"),
    Case("random_shuffle_forever",
         "import random\nrandom.seed(1)\nx = list(range(1000))\nwhile True:\n"
         "    random.shuffle(x)\n", 3,
         r"^time limit reached: the call ran longer than 2s$", seconds=10, args=TIMED),
    Case("random_unseeded_refused",
         "import random\nprint(random.randint(1, 6))\n", 2,
         r"unsupported: random.randint\(\) before random.seed\(int\)", 2.0),
]

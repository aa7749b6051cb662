"""Special methods of a program's classes used against heapd: endless or
huge protocols, methods that change what is being walked, and recursion
through the slots. Each ends in bounded time as CPython would, or with a
refusal or a limit, and heapd stays up."""
from run_hostile import Case

TIMED = ["--max_seconds=2"]

ENDLESS_ITERATOR = (
    "class C:\n"
    "    def __iter__(self):\n"
    "        return self\n"
    "    def __next__(self):\n"
    "        return 1\n"
)

CASES = [
    # An iterator that never ends fills a list until a limit stops it.
    Case("special_endless_iterator_list", ENDLESS_ITERATOR + "l = list(C())\n",
         3, r"^time limit reached", 10.0, args=TIMED),
    Case("special_endless_iterator_loop", ENDLESS_ITERATOR + "for x in C():\n    pass\n",
         3, r"^time limit reached", 10.0, args=TIMED),
    # A length hint past the limits: the preallocation fails at once.
    Case("special_huge_len_hint",
         ENDLESS_ITERATOR + "class S:\n    def __iter__(self):\n        return C()\n"
         "    def __len__(self):\n        return 10 ** 18\nl = list(S())\n",
         1, r"^MemoryError$", 5.0),
    # Recursion through __eq__ and __repr__: refused (CPython's message
    # depends on C-level counts heapsim does not keep).
    Case("special_eq_recursion",
         "class E:\n    def __eq__(self, other):\n        return self == other\n"
         "print(E() == E())\n",
         2, r"unsupported: a call near the recursion limit through C code", 10.0),
    Case("special_repr_recursion",
         "class R:\n    def __repr__(self):\n        return repr([self])\nprint(R())\n",
         2, r"unsupported: a call near the recursion limit through C code", 10.0),
    # Methods that empty the list being searched or sorted.
    Case("special_eq_clears_list",
         "class E:\n    def __eq__(self, other):\n        items.clear()\n        return False\n"
         "items = [E(), E(), E()]\nprint(E() in items, len(items))\n",
         0, r"^$", 5.0, stdout=r"^False 0\n$"),
    Case("special_lt_grows_sorted_list",
         "class L:\n    def __lt__(self, other):\n        items.append(L())\n        return True\n"
         "items = [L(), L(), L()]\nitems.sort()\n",
         2, r"unsupported: a list changed while it is being sorted", 5.0),
    # A repr that doubles: 2**40 characters are never built.
    Case("special_repr_shared_nest",
         "class R:\n    def __repr__(self):\n        return 'r' * 1000\n"
         "a = [R()]\nfor i in range(40):\n    a = [a, a]\nprint(len(repr(a)))\n",
         3, r"^time limit reached", 10.0, args=TIMED),
    # Recursion through with blocks ends in an exception leaving them.
    Case("special_with_recursion",
         "class C:\n    def __enter__(self):\n        return self\n"
         "    def __exit__(self, t, v, tb):\n        return False\n"
         "def f():\n    with C():\n        f()\nf()\n",
         2, r"unsupported: a call near the recursion limit through C code", 10.0),
]

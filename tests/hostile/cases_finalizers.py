"""Finalizers (__del__) that misbehave: one that allocates without end, one
that raises, ones that make new finalizable objects forever (nested, in a
loop, at shutdown), and cycles with finalizers that an allocation's
automatic collection finds. Each ends with a limit, a refusal naming the
case, or CPython's output; heapd stays up."""
from run_hostile import Case

TIMED = ["--max_seconds=2"]

CASES = [
    Case("del_allocates_endlessly",
         "class A:\n    def __del__(self):\n        hoard = []\n        while True:\n"
         "            hoard.append([0] * 1000)\na = A()\ndel a\n", 2,
         r"unsupported: an exception raised in __del__ \(MemoryError;", seconds=30, alone=True),
    Case("del_loops_forever",
         "class A:\n    def __del__(self):\n        while True:\n            pass\n"
         "a = A()\ndel a\nprint('never')\n", 3,
         r"^time limit reached: the call ran longer than 2s$", seconds=10, args=TIMED),
    Case("del_raises",
         "class A:\n    def __del__(self):\n        raise ValueError('boom')\na = A()\ndel a\n"
         "print('after')\n", 2,
         r"unsupported: an exception raised in __del__"),
    Case("del_recreates_nested",
         "class A:\n    def __del__(self):\n        A()\nA()\n", 2,
         r"unsupported: (a RecursionError raised through a special method|a finalizer "
         r"\(__del__\) of an object freed more than \d+ deallocations deep|a call near the "
         r"recursion limit through C code)", seconds=30),
    Case("del_recreates_in_loop",
         "class A:\n    def __del__(self):\n        pool.append(A())\npool = [A()]\n"
         "while True:\n    pool.clear()\n    pool.append(A())\n", 3,
         r"^time limit reached: the call ran longer than 2s$", seconds=10, args=TIMED),
    Case("del_recreates_at_exit",
         "class A:\n    def __del__(self):\n        global keep\n        keep = A()\n"
         "keep = A()\nprint('end')\n", 2,
         r"unsupported: a finalizer \(__del__\) run at shutdown leaving new objects",
         stdout=r"^end\n$"),
    Case("del_deep_chain",
         "class N:\n    def __init__(self, nxt):\n        self.nxt = nxt\n"
         "    def __del__(self):\n        pass\nhead = None\nfor i in range(3000):\n"
         "    head = N(head)\nhead = None\nprint('freed')\n",
         2,
         r"unsupported: a finalizer \(__del__\) of an object freed more than (50|1000) "
         r"deallocations deep"),
    # Before the first full collection CPython's automatic collections come
    # at points heapsim does not know (its start-up count), so when the
    # finalizers run is unknown: refused at the latest at exit.
    Case("del_cycles_automatic_collection",
         "class A:\n    def __del__(self):\n        pass\nfor i in range(3000):\n"
         "    a = A()\n    a.me = a\nprint('done')\n",
         2,
         r"unsupported: (an automatic collection with cyclic garbage present|cyclic garbage left "
         r"at exit that an automatic collection may have collected earlier)"),
]

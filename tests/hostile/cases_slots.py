"""Classes with __slots__ used against heapd: chains of slotted instances
deep enough to need the trashcan, slots by the ten thousand, long chains of
slotted subclasses, instances holding themselves, and __slots__ heapsim
does not lay out. Each ends as CPython would, or refused, and heapd stays
up."""
from run_hostile import Case

DEEP_TIME = ("--max_seconds=40",)

CASES = [
    # A million-long linked list of slotted nodes freed at once.
    Case("slots_deep_chain",
         "class Node:\n    __slots__ = ('next', 'value')\n"
         "head = None\nfor i in range(1000000):\n    node = Node()\n    node.next = head\n"
         "    head = node\nnode = None\nhead = None\nprint('freed')\n",
         0, r"^$", stdout=r"^freed\n$", seconds=40, args=DEEP_TIME),
    # Twenty thousand slots: a 160 kB instance.
    Case("slots_wide",
         "import sys\nnames = tuple('s%d' % i for i in range(20000))\n"
         "class Wide:\n    __slots__ = names\nprint(sys.getsizeof(Wide()))\n",
         0, r"^$", stdout=r"^160032\n$", seconds=10),
    # Two thousand slotted subclasses, one slot each.
    Case("slots_subclass_chain",
         "import sys\nclass A:\n    __slots__ = ('a',)\ncls = A\nfor i in range(2000):\n"
         "    class B(cls):\n        __slots__ = ('b',)\n    cls = B\n"
         "print(sys.getsizeof(cls()))\n",
         0, r"^$", stdout=r"^16040\n$", seconds=20),
    # Instances holding themselves and each other, dropped and collected.
    Case("slots_self_cycles",
         "import gc\nclass S:\n    __slots__ = ('me', 'peer')\ngc.collect()\n"
         "for i in range(20000):\n    s = S()\n    s.me = s\n    s.peer = S()\n    s.peer.peer = s\n"
         "s = None\nprint(gc.collect() >= 0)\n",
         0, r"^$", stdout=r"^True\n$", seconds=20),
    # A dict as __slots__ is refused, not laid out as another type would be.
    Case("slots_dict_refused",
         "class D:\n    __slots__ = {'x': 'the x'}\n",
         2, r"unsupported: a class whose __slots__ is a 'dict'", 5),
]

"""Weak reference callbacks that misbehave: one that makes a new weakly
referenced object with the same callback each time it runs (CPython runs
them one after another forever), ones that raise (CPython prints
"Exception ignored in" with the callback's address and carries on), by
reference counting and in a collection. Each ends with a limit or a
refusal naming the case; heapd stays up."""
from run_hostile import Case

TIMED = ["--max_seconds=2"]

CASES = [
    Case("weakref_callback_recreates_endlessly",
         "import weakref\nclass A:\n    pass\nkeep = []\ndef cb(r):\n    a = A()\n"
         "    keep.append(weakref.ref(a, cb))\na = A()\nkeep.append(weakref.ref(a, cb))\n"
         "del a\nprint('never')\n", 3,
         r"^time limit reached: the call ran longer than 2s$", seconds=15,
         args=TIMED),
    Case("weakref_callback_raises",
         "import weakref\nclass A:\n    pass\na = A()\nr = weakref.ref(a, lambda r: 1 / 0)\n"
         "del a\nprint('after')\n", 2,
         r"unsupported: an exception raised in a weak reference's callback "
         r"\(ZeroDivisionError;"),
    Case("weakref_callback_raises_in_collection",
         "import gc, weakref\nclass A:\n    pass\na = A()\na.me = a\n"
         "r = weakref.ref(a, lambda r: r.missing)\ndel a\ngc.collect()\nprint('after')\n", 2,
         r"unsupported: an exception raised in a weak reference's callback "
         r"\(AttributeError;"),
]

"""Weak reference callbacks that misbehave: one that makes a new weakly
referenced object with the same callback each time it runs (CPython runs
them one after another forever), ones that raise (CPython prints
"Exception ignored in" with the callback's address and carries on), by
reference counting and in a collection. Each ends with a limit or a
refusal naming the case; heapd stays up. And weakref.proxy misused: its
callback touching the dead proxy it is given, one raising from it, a
recursion through a callable proxy, a proxy handed to a builtin that
would forward to the referent."""
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
    Case("weakref_proxy_dead_inside_own_callback",
         "import weakref\nclass A:\n    pass\na = A()\ndef cb(p):\n    try:\n        p.x\n"
         "    except ReferenceError as e:\n        print('dead', e)\n    print(p is holder[0])\n"
         "holder = [weakref.proxy(a, cb)]\ndel a\nprint('after', len(holder))\n", 0,
         r"^$", stdout=r"^dead weakly-referenced object no longer exists\nTrue\nafter 1\n$"),
    Case("weakref_proxy_callback_raises",
         "import gc, weakref\nclass A:\n    pass\na = A()\n"
         "a.me = weakref.proxy(a, lambda p: print(p.__class__))\ndel a\nprint(gc.collect())\n", 2,
         r"unsupported: an exception raised in a weak reference's callback "
         r"\(ReferenceError;"),
    Case("weakref_proxy_call_recursion",
         "import weakref\ndef f(n):\n    return pf(n - 1) + 1 if n else 0\npf = weakref.proxy(f)\n"
         "print(f(10**6))\n", 2,
         r"unsupported: a call near the recursion limit through C code"),
    Case("weakref_proxy_to_forwarding_builtin",
         "import weakref\nclass A:\n    def __iter__(self):\n        return iter([1])\na = A()\n"
         "print(sorted(weakref.proxy(a)))\n", 2,
         r"unsupported: a weakref.proxy passed to sorted\(\)"),
]

"""weakref's containers and finalize misused: callbacks that mutate the
container whose entry is leaving, huge numbers of keys dying at once,
finalizer cycles (a bound method of the referent keeps it alive until
exit, a finalizer calling another, a referent holding its own finalizer
in a cycle), a finalizer that makes a new one each time it runs at exit
(CPython loops forever), exceptions in finalizers, a finalize left alive
with atexit false, and weakref.py's internals. Each ends as CPython does,
with a limit or with a refusal naming the case; heapd stays up."""
from run_hostile import Case

TIMED = ["--max_seconds=2"]

CASES = [
    Case("weak_container_callback_mutates",
         "import weakref\nclass V:\n    pass\ncache = weakref.WeakValueDictionary()\n"
         "keep = V()\ndef cb(ref):\n    cache['added'] = keep\n    del cache['other']\n"
         "    print('cb', len(cache))\na = V()\nb = V()\ncache['a'] = a\ncache['other'] = b\n"
         "w = weakref.ref(a, cb)\ndel a\nprint(len(cache), sorted(cache))\n", 0, r"^$",
         stdout=r"^cb 2\n1 \['added'\]\n$"),
    Case("weak_container_value_del_mutates",
         "import weakref\nclass V:\n    def __del__(self):\n        s.discard(other)\n"
         "        wk[other] = 'from __del__'\nclass K:\n    pass\n"
         "s = weakref.WeakSet()\nwk = weakref.WeakKeyDictionary()\nother = K()\n"
         "v = V()\ns.add(v)\ns.add(other)\nwk[v] = 1\ndel v\nprint(len(s), len(wk), wk[other])\n",
         0, r"^$", stdout=r"^0 1 from __del__\n$"),
    Case("weak_container_many_keys_die",
         "import weakref\nclass V:\n    pass\ncache = weakref.WeakValueDictionary()\n"
         "wk = weakref.WeakKeyDictionary()\ns = weakref.WeakSet()\n"
         "values = [V() for i in range(100000)]\nfor i in range(len(values)):\n"
         "    cache[i] = values[i]\n    wk[values[i]] = i\n    s.add(values[i])\n"
         "print(len(cache), len(wk), len(s))\ndel values\nprint(len(cache), len(wk), len(s))\n",
         0, r"^$", stdout=r"^100000 100000 100000\n0 0 0\n$", seconds=20),
    Case("weak_container_many_keys_collected",
         "import gc, weakref\ngc.collect()\ngc.disable()\nclass V:\n    pass\n"
         "cache = weakref.WeakValueDictionary()\nhead = V()\nnode = head\n"
         "for i in range(20000):\n    node.next = V()\n    node = node.next\n"
         "    cache[i] = node\nnode.next = head\ndel node, head\nprint(len(cache))\n"
         "gc.collect()\nprint(len(cache))\n",
         0, r"^$", stdout=r"^20000\n0\n$", seconds=20),
    Case("finalize_cycles",
         "import weakref, gc\ngc.collect()\nclass A:\n    def close(self):\n"
         "        print('close', self.name)\na = A()\na.name = 'a'\n"
         "fa = weakref.finalize(a, a.close)\nb = A()\nfb = weakref.finalize(b, print, 'b done')\n"
         "c = A()\nfc = weakref.finalize(c, fb)\nc.fin = fc\ndel c\nprint(fb.alive, fa.alive)\n"
         "d = A()\nd.me = d\nd.fin = weakref.finalize(d, print, 'd collected')\ndel d\n"
         "print(gc.collect())\nprint('end')\n",
         0, r"^$", stdout=r"^b done\nFalse True\nd collected\n\d+\nend\nclose a\n$"),
    Case("finalize_recreates_at_exit",
         "import weakref\nclass A:\n    pass\nkeep = A()\ndef again(n):\n"
         "    weakref.finalize(keep, again, n + 1)\nweakref.finalize(keep, again, 0)\n"
         "print('end')\n", 3,
         r"^time limit reached: the call ran longer than 2s$", seconds=15, args=TIMED),
    Case("finalize_raises",
         "import weakref\nclass A:\n    pass\na = A()\nf = weakref.finalize(a, lambda: 1 / 0)\n"
         "del a\nprint('after')\n", 2,
         r"unsupported: an exception raised in a weak reference's callback "
         r"\(ZeroDivisionError;"),
    Case("finalize_raises_at_exit",
         "import weakref\nclass A:\n    pass\na = A()\nf = weakref.finalize(a, lambda: 1 / 0)\n"
         "print('end')\n", 2,
         r"unsupported: an exception raised by a finalizer at exit"),
    Case("finalize_alive_without_atexit",
         "import weakref\nclass A:\n    pass\na = A()\nf = weakref.finalize(a, print, 'x')\n"
         "f.atexit = False\nprint('end')\n", 2,
         r"unsupported: a weakref.finalize whose atexit is false alive at exit"),
    Case("weak_container_internals",
         "import weakref\nclass A:\n    pass\na = A()\nd = weakref.WeakValueDictionary()\n"
         "d['a'] = a\nprint(weakref.getweakrefs(a))\n", 2,
         r"unsupported: weakref.getweakrefs\(\) of an object a weakref container or finalize "
         r"refers to"),
    Case("weak_container_repr",
         "import weakref\nd = weakref.WeakKeyDictionary()\nprint(d)\n", 2,
         r"unsupported: the repr of a WeakKeyDictionary object"),
]

"""Generator functions: every paused generator has a stack of its own, so
their number is bounded per session (exit 3 past it); recursion through
generators, endless generators and generators freed unfinished end cleanly.
"""
from run_hostile import Case

TIMED = ["--max_seconds=2"]
GENERATOR_LIMIT = (r"^generator limit reached: more than 1024 generators started and not "
                   r"finished at once$")

CASES = [
    # A million paused generators: the session's limit stops the script.
    Case("generators_many_suspended",
         "def g():\n    yield 1\n    yield 2\nkept = []\n"
         "for i in range(10**6):\n    x = g()\n    next(x)\n    kept.append(x)\n",
         3, GENERATOR_LIMIT, 10),
    # Created but never started: no stack is made, the heap's limits apply.
    Case("generators_many_unstarted",
         "def g(n):\n    yield n\nkept = [g(i) for i in range(10**5)]\nprint(len(kept))\n",
         0, None, 20, stdout=r"^100000\n$"),
    # Each level resumes the next: refused at CPython's recursion limit,
    # where versions differ in what they raise.
    Case("generators_deep_recursion",
         "def down(n):\n    for x in down(n + 1):\n        yield x\n    yield n\n"
         "print(next(down(0)))\n",
         2, r"unsupported: (calling|resuming) a generator( function)? at the recursion limit$", 20),
    # An endless generator stops at the time limit, inside the loop.
    Case("generators_forever",
         "def forever():\n    while True:\n        yield 1\nfor x in forever():\n    pass\n",
         3, r"^time limit reached: the call ran longer than 2s$", 6, args=TIMED),
    # Paused generators left at the end of the run are unwound cleanly.
    Case("generators_left_suspended",
         "def g(items):\n    for i in items:\n        yield i\nkept = []\n"
         "for n in range(500):\n    x = g([n, n])\n    next(x)\n    kept.append(x)\nprint(len(kept))\n",
         0, None, 10, stdout=r"^500\n$"),
    # A generator freed unfinished inside another's body is refused where
    # closing it raises GeneratorExit (paused in a `yield from`: on every
    # profile).
    Case("generators_freed_inside_generator",
         "def inner():\n    yield from [1, 2]\n"
         "def outer():\n    x = inner()\n    next(x)\n    x = None\n    yield 3\n"
         "print(list(outer()))\n",
         2, r"unsupported: freeing a generator that has not finished", 10),
    # Where closing clears the frame (3.13: paused outside a loop; 3.12+:
    # never started), generators freed inside another's body, in a chain
    # through their frames, and by the thousand are closed.
    Case("generators_closed_inside_generator",
         "def inner():\n    yield 1\n    yield 2\n"
         "def outer():\n    x = inner()\n    next(x)\n    x = None\n    yield 3\n"
         "print(list(outer()))\n",
         {"3.13": 0, "*": 2},
         {"3.13": None, "*": r"unsupported: freeing a generator that has not finished"}, 10,
         stdout=r"^(\[3\]\n)?$"),
    Case("generators_closed_chain",
         "def g(inner):\n    for i in [1, 2]:\n        yield i\n"
         "x = None\nfor n in range(1000):\n    x = g(x)\n    next(x)\nx = None\n"
         "y = None\nfor n in range(100000):\n    y = g(y)\ny = None\n"
         "for n in range(5000):\n    z = g(n)\n    next(z)\n    del z\nprint('ok')\n",
         {"3.13": 0, "*": 2},
         {"3.13": None, "*": r"unsupported: freeing a generator that has not finished"}, 20,
         stdout=r"^(ok\n)?$"),
    # Deep Python and C-level recursion inside a generator's body fits its
    # stack; a generator resuming itself is CPython's ValueError.
    Case("generators_deep_recursion_inside",
         "def r(n):\n    if n == 0:\n        return 0\n    return r(n - 1) + 1\n"
         "def deep():\n    yield r(990)\n    t = ()\n    for i in range(90000):\n"
         "        t = (t,)\n    yield hash(t) * 0\n"
         "def me():\n    yield next(x)\nx = me()\n"
         "try:\n    next(x)\nexcept ValueError as e:\n    print(e)\nprint(list(deep()))\n",
         0, None, 20, stdout=r"^generator already executing\n\[990, 0\]\n$"),
]

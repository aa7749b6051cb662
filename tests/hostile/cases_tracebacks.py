"""Exceptions kept past their handlers, with the frames their tracebacks
hold: a raise through 900 frames kept and dropped, a RecursionError kept,
300,000 kept exceptions, more kept frames than a session may hold (a
limit), a traceback in a reference cycle, and an exception that outlives
the call that caught it (both refused by name)."""
from run_hostile import Case

_BIG = "class Big:\n    def __del__(self):\n        print('freed')\n"

CASES = [
    Case("traceback_deep_raise_kept",
         _BIG + "def down(n):\n    b = Big() if n == 0 else None\n    if n == 0:\n"
         "        raise ValueError('bottom')\n    down(n - 1)\ntry:\n    down(900)\n"
         "except ValueError as e:\n    saved = e\nprint('kept')\nsaved = None\nprint('end')\n",
         0, r"^$", stdout=r"^kept\nfreed\nend\n$"),
    Case("traceback_recursion_error_kept",
         "def down(n):\n    return down(n + 1)\ntry:\n    down(0)\nexcept RecursionError as e:\n"
         "    saved = e\nprint('kept', type(saved).__name__)\nsaved = None\nprint('end')\n",
         0, r"^$", stdout=r"^kept RecursionError\nend\n$"),
    Case("traceback_many_kept",
         "def f(i):\n    raise KeyError(i)\nkept = []\nfor i in range(300000):\n    try:\n"
         "        f(i)\n    except KeyError as e:\n        kept.append(e)\nprint(len(kept))\n"
         "kept = None\nprint('end')\n",
         0, r"^$", stdout=r"^300000\nend\n$", seconds=30),
    Case("traceback_kept_frames_limit",
         "def down(n):\n    if n == 0:\n        raise ValueError('bottom')\n    down(n - 1)\n"
         "kept = []\nfor i in range(1300):\n    try:\n        down(900)\n"
         "    except ValueError as e:\n        kept.append(e)\nprint(len(kept))\n",
         3, r"traceback limit reached: exceptions kept past their handlers", seconds=60,
         alone=True),
    Case("traceback_in_cycle_collected",
         "import gc\ndef f(box):\n    raise ValueError('in a cycle')\nbox = []\ntry:\n    f(box)\n"
         "except ValueError as e:\n    box.append(e)\ndel box\nprint(gc.collect())\n",
         2, r"unsupported: a collection that frees an exception holding its traceback"),
    Case("traceback_outlives_catching_call",
         "def g():\n    try:\n        raise KeyError('k')\n    except KeyError as e:\n"
         "        return e\nx = g()\nprint(x)\n",
         2, r"unsupported: a call that ends while an exception it caught outlives it"),
]

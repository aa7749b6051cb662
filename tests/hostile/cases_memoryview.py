"""memoryview under pressure: slices far past the ends, views of views
made without end, a release inside iteration, and exports held while a
loop keeps trying to resize (a bytearray, an array.array, one resized
from inside the view's item assignment): each ends with its result, a
MemoryError, a limit or a refusal, never a crash, a hang or a broken
heap."""
from run_hostile import Case

FAST = 2.0

CASES = [
    Case("memoryview_huge_slices",
         "m = memoryview(bytearray(b'abcdef'))\n"
         "print(len(m[-10**30:10**30]), len(m[10**30:]), len(m[::10**20]), m[::-10**20].tolist())\n"
         "m[-10**30:10**30] = b'uvwxyz'\n"
         "print(m.tobytes())\n",
         0, r"^$", FAST, stdout=r"^6 0 1 \[102\]\nb'uvwxyz'\n$"),
    Case("memoryview_views_of_views_endless",
         "m = memoryview(b'x' * 1000)\nviews = []\nwhile True:\n"
         "    m = memoryview(m[1:] if len(m) > 1 else m)\n    views.append(m)\n",
         3, r"memory limit reached", 30, alone=True),
    Case("memoryview_release_inside_iteration",
         "ba = bytearray(b'abc')\nm = memoryview(ba)\nfor x in m:\n    m.release()\n",
         2, r"unsupported: iterating a memoryview", FAST),
    Case("memoryview_exports_held_resizing_loop",
         "ba = bytearray(b'a')\nheld = []\nfailures = 0\nfor i in range(20000):\n"
         "    if i % 3 == 0:\n        held.append(memoryview(ba))\n"
         "    try:\n        ba.append(1)\n    except BufferError:\n        failures += 1\n"
         "    if i % 1000 == 999:\n        for v in held:\n            v.release()\n"
         "        held.clear()\n"
         "print(len(ba), failures)\n",
         0, r"^$", 20, stdout=r"^\d+ \d+\n$"),
    Case("memoryview_of_huge_bytes",
         "m = memoryview(bytes(10**13))\n", 1, r"^MemoryError$", FAST),
    Case("memoryview_array_resize_during_export_loop",
         "import array\na = array.array('d', [0.5] * 1000)\nm = memoryview(a)\nfails = 0\n"
         "for i in range(20000):\n    try:\n        a.append(1.0) if i % 2 else a.pop()\n"
         "    except BufferError:\n        fails += 1\n"
         "m[999] = 2.0\nm.release()\na.append(1.0)\nprint(fails, len(a), a[999], a[-1])\n",
         0, r"^$", 10, stdout=r"^20000 1001 2.0 1.0\n$"),
    Case("memoryview_array_views_endless",
         "import array\na = array.array('q', range(1000))\nviews = []\nwhile True:\n"
         "    views.append(memoryview(a)[::2])\n",
         3, r"memory limit reached", 30, alone=True),
    Case("memoryview_array_resize_from_index",
         "import array\na = array.array('i', [1, 2, 3])\nm = memoryview(a)\n"
         "class I:\n    def __index__(self):\n        a.append(4)\n        return 0\n"
         "m[I()] = 5\n",
         2, r"unsupported: a class defining '__index__'"),
]

"""tracemalloc snapshots over many traced blocks, and the snapshot uses
heapsim refuses by name: all end within the limits, never a crash."""
from run_hostile import Case

# 3.8 to 3.10 refuse take_snapshot() itself (their heap frames are not yet
# traced at CPython's lines).
HEAP_FRAMES = ("3.8", "3.9", "3.10")
REFUSED_THERE = r"unsupported: tracemalloc.take_snapshot\(\) where calls make heap frames"


def on_heap_frames(elsewhere_exit, elsewhere_stderr):
    """The (exit, stderr) pair of a case that takes a snapshot."""
    exits = {profile: 2 for profile in HEAP_FRAMES}
    exits["*"] = elsewhere_exit
    stderrs = {profile: REFUSED_THERE for profile in HEAP_FRAMES}
    stderrs["*"] = elsewhere_stderr
    return exits, stderrs

CASES = [
    Case("snapshot_400k_blocks",
         "import gc, tracemalloc\ngc.collect()\ntracemalloc.start()\n"
         "x = [str(i) for i in range(400000)]\n"
         "s = tracemalloc.take_snapshot()\n"
         "top = s.filter_traces([tracemalloc.Filter(True, '*.py')]).statistics('lineno')\n"
         "print(top[0].count, len(s.statistics('traceback')))\n", *on_heap_frames(0, r"^$"),
         seconds=120),
    Case("snapshot_after_filter_refused",
         "import gc, tracemalloc\ngc.collect()\ntracemalloc.start()\na = tracemalloc.take_snapshot()\n"
         "b = tracemalloc.take_snapshot()\nf = tracemalloc.Filter(True, '*')\n"
         "c = tracemalloc.take_snapshot()\n",
         *on_heap_frames(2, r"unsupported: tracemalloc.take_snapshot\(\) while tracing after "
                            r"a tracemalloc.Filter")),
    Case("traced_memory_after_mixed_snapshot_died_refused",
         "import gc, tracemalloc\ngc.collect()\ntracemalloc.start()\n"
         "a = tracemalloc.take_snapshot()\nb = tracemalloc.take_snapshot()\ndel b\n"
         "print(tracemalloc.get_traced_memory())\n",
         *on_heap_frames(2, r"unsupported: tracemalloc.get_traced_memory\(\) after a "
                            r"tracemalloc snapshot died while tracing")),
    Case("snapshots_in_a_loop",
         "import gc, tracemalloc\ngc.collect()\ntracemalloc.start()\nkeep = []\n"
         "for i in range(300):\n    keep.append(tracemalloc.take_snapshot())\n"
         "print(len(keep[-1].traces) > 300)\n",
         *on_heap_frames(0, r"^$"), seconds=60),
    Case("statistics_bad_key",
         "import gc, tracemalloc\ngc.collect()\ntracemalloc.start()\na = tracemalloc.take_snapshot()\n"
         "a.statistics('line')\n", *on_heap_frames(1, r"^ValueError: unknown key_type: 'line'$")),
    Case("snapshot_not_tracing",
         "import tracemalloc\ntracemalloc.take_snapshot()\n", 1,
         r"^RuntimeError: the tracemalloc module must be tracing memory allocations to take a snapshot$"),
    Case("filter_class_pattern_refused",
         "import gc, tracemalloc\ngc.collect()\ntracemalloc.start()\nx = list(range(100))\n"
         "a = tracemalloc.take_snapshot()\n"
         "a.filter_traces([tracemalloc.Filter(True, '[a]*')])\n",
         *on_heap_frames(2, r"unsupported: tracemalloc.Filter pattern '\[a\]\*'")),
    Case("start_too_many_frames",
         "import tracemalloc\ntracemalloc.start(0)\n", 1,
         {"3.8": r"^ValueError: the number of frames must be in range \[1; 178956969\]$",
          "*": r"^ValueError: the number of frames must be in range \[1; 65535\]$"}),
]

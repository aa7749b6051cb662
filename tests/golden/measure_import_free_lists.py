"""Measures what first imports leave on CPython's free lists, for
server/script/import_free_lists.cc (import_free_lists_table.h).

A history is the sequence of first imports a script made, in order, with
"collect" where `gc.collect()` emptied the free lists: from the start-up
state, every ordering of every subset of {gc, tracemalloc, X} for each
modelled module X CPython's start-up has not loaded; after `import gc;
gc.collect()` (or after gc and tracemalloc, then the collection), every
ordering of the rest; and after gc and tracemalloc, every ordered pair of
some modules lessons often import together. `from collections import
deque` runs other code than `import collections` (the fromlist of a
package), so it is its own module, "from collections".

For every history it runs `python FILE` scripts (the environment scenarios
are captured with) that end with sys._debugmallocstats() and records the
free lists' lengths: floats, lists, dicts, bound methods and builtin methods
(3.8), 8-slot dict keys (3.13), tuples of 1 to 20 items. On 3.8 to 3.10 it
also finds the capacity (stack and local slots) of every parked frame, in
the order calls take them: each probe calls functions needing a chosen
number of slots under _tracemalloc (whose import takes no frame) and sees
which calls had to grow the frame they took.

What a history leaves may depend on the cyclic GC's counts (where
collections during the imports fall): each history is also run after
prefixes that leave the free lists alike but generation 0 holding 0 to 100
more objects, and its row records the most extra objects up to which the
lengths stayed the same (0: they may differ with 1 more). The row also
records the generation-0 count the history left, at most (gc.get_count()
with no extra objects and with the most, less those; -1 where gc was not
imported and importing it to see may have collected), and the
generation-1 count, at most: the cyclic garbage the imports left is freed
onto the free lists by the next automatic collection of its generation,
which comes when the counts pass the thresholds; whether such a
collection parks anything (the lengths after gc.collect(1) differ); and
whether a collection of generation 0 alone does (gc.collect(0), with no
extra objects or with the most): where it does not, the garbage waits
for the first collection of generation 1.

Usage: python3 tests/golden/measure_import_free_lists.py server/script
(writes import_free_lists_table_38.cc and import_free_lists_table_311.cc
there, a few minutes; valid Python 3.8; needs the pyenv interpreters).
"""
import concurrent.futures
import itertools
import os
import re
import subprocess
import sys
import tempfile

VERSIONS = {'3.8': '3.8.18', '3.9': '3.9.18', '3.10': '3.10.13', '3.11': '3.11.7',
            '3.12': '3.12.1', '3.13': '3.13.0'}
FRAME_VERSIONS = ('3.8', '3.9', '3.10')
# Modules heap scripts may import (ExecImport), other than gc and tracemalloc.
MODULES = ['array', 'collections', 'copy', 'dataclasses', 'functools', 'itertools', 'math',
           'operator', 'random', 'weakref', 'from collections']
PAIRED = ['collections', 'copy', 'dataclasses', 'functools', 'random', 'weakref']
COUNTS = ['PyFloatObjects', 'PyListObjects', 'PyDictObjects', 'PyMethodObjects',
          'PyCFunctionObjects', 'PyDictKeysObjects']
# The extra objects in generation 0 the histories are also run with (a
# script's own allocations, and the start-up's count's variation between
# environments, up to about 42 objects: gc_startup_count0_bound).
GC_PREFIX_OBJECTS = [0, 1, 2, 5, 10, 20, 30, 45, 60, 80, 100]
ENV = {'PYTHONHASHSEED': '0', 'PYTHONUNBUFFERED': '1'}
MAX_FRAME_SLOTS = 255


def import_line(module):
    if module == 'from collections':
        return 'from collections import deque\n'
    return 'import %s\n' % module


def history_script(history):
    return ''.join('gc.collect()\n' if step == 'collect' else import_line(step)
                   for step in history)


def run(python, script):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, 'probe.py')
        with open(path, 'w') as probe:
            probe.write(script)
        result = subprocess.run([python, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                universal_newlines=True, env=ENV, check=True, cwd=directory)
    return result.stdout, result.stderr


def lengths(python, prefix, history, suffix=''):
    """Counts (None where not reported), tuples 1..20, parked frames."""
    _, stats = run(python, 'import sys\n' + prefix + history_script(history) + suffix +
                   'sys._debugmallocstats()\n')
    found = {}
    for line in stats.splitlines():
        match = re.match(r'\s*(\d+) free (\S+)', line)
        if match:
            found[match.group(2)] = int(match.group(1))
    counts = [found.get(name) for name in COUNTS]
    tuples = [found.get('%d-sized' % n, 0) for n in range(1, 21)]
    return counts, tuples, found.get('PyFrameObjects', 0)


def young_counts(python, prefix, history):
    """gc.get_count()[0] and [1] after the history (the script's own
    statements add a few objects; gc's import, where the history has none,
    adds more), each read by a probe of its own, or None where gc's import
    may have collected on the way."""
    counts = []
    for index in (0, 1):
        out, _ = run(python, 'import sys\n' + prefix + history_script(history) +
                     'import gc as _gc\nprint(_gc.get_count()[%d])\n' % index)
        counts.append(int(out))
    return None if 'gc' not in history and counts[0] < 100 else tuple(counts)


def gc_prefix(objects, history):
    """Keeps `objects` new sets alive: the GC's count moves, the free lists
    do not (the same statements and constants run whatever `objects` is:
    the constants' tuple is parked when the module finishes). After the
    collection when the history has one."""
    keep = ("_k = []\n_i = 0\n_n = int('%d')\nwhile _i < %d:\n"
            "    _k.append(set() if _i < _n else 0)\n    _i += 1\n" % (
                objects, max(GC_PREFIX_OBJECTS)))
    if 'collect' not in history:
        return keep, history
    split = history.index('collect') + 1
    return history_script(history[:split]) + keep, history[split:]


def frame_probe(python, history, needs):
    """Which of calls needing `needs` slots, in order, grew the frame they took."""
    lines = ['import sys\n', history_script(history), 'import _tracemalloc\n']
    for i, need in enumerate(needs):
        body = ''.join(' a%d = 0\n' % j for j in range(need - 1)) or ' pass\n'
        lines.append('def f%d():\n%s' % (i, body))
    lines.append('_t = _tracemalloc.get_traced_memory\n_tracemalloc.start()\n_d = []\n')
    for i in range(len(needs)):
        lines.append('_m = _t()[0]\nf%d()\n_d.append(_t()[0] - _m)\n' % i)
    lines.append('_tracemalloc.stop()\nprint(_d)\n')
    out, _ = run(python, ''.join(lines))
    return [delta > 300 for delta in eval(out)]


def frame_capacities(python, history, count):
    low = [1] * count
    high = [MAX_FRAME_SLOTS] * count
    while any(lo < hi for lo, hi in zip(low, high)):
        needs = [(lo + hi + 1) // 2 for lo, hi in zip(low, high)]
        for i, grew in enumerate(frame_probe(python, history, needs)):
            if low[i] == high[i]:
                continue
            if grew:
                high[i] = needs[i] - 1
            else:
                low[i] = needs[i]
    return low


def histories(startup_modules):
    modules = [m for m in MODULES if m.split()[-1] not in startup_modules]
    found = []

    def add(origin, pool):
        for size in range(len(pool) + 1):
            for order in itertools.permutations(pool, size):
                history = tuple(origin) + order
                if history not in found:
                    found.append(history)

    for module in modules + [None]:
        extra = [module] if module else []
        add([], ['gc', 'tracemalloc'] + extra)
        add(['gc', 'collect'], ['tracemalloc'] + extra)
        add(['gc', 'tracemalloc', 'collect'], extra)
        add(['tracemalloc', 'gc', 'collect'], extra)
    # Two of the modules lessons most often import, after gc and tracemalloc.
    for first, second in itertools.permutations([m for m in modules if m in PAIRED], 2):
        found.append(('gc', 'tracemalloc', first, second))
    return found


def measure(profile, pool):
    python = os.path.join(pyenv_root(), 'versions', VERSIONS[profile], 'bin', 'python')
    _, startup = run(python, 'import sys\nprint(sorted(sys.modules), file=sys.stderr)\n')
    all_histories = histories(set(eval(startup)))
    variants = list(pool.map(
        lambda job: lengths(python, *gc_prefix(job[1], job[0])),
        [(h, n) for h in all_histories for n in GC_PREFIX_OBJECTS]))
    bounds = []
    for index, history in enumerate(all_histories):
        runs = variants[index * len(GC_PREFIX_OBJECTS):(index + 1) * len(GC_PREFIX_OBJECTS)]
        same = 1
        while same < len(runs) and runs[same] == runs[0]:
            same += 1
        bounds.append(GC_PREFIX_OBJECTS[same - 1])
        if same < len(runs):
            sys.stderr.write('%s %s: other lengths with %d more objects in generation 0\n' %
                             (profile, ' '.join(history), GC_PREFIX_OBJECTS[same]))
    plain = list(pool.map(lambda h: lengths(python, '', h), all_histories))
    # The counts after the history, with the objects it held for.
    counts = list(pool.map(
        lambda job: [young_counts(python, '', job[0]),
                     young_counts(python, *gc_prefix(job[1], job[0]))],
        zip(all_histories, bounds)))
    # Whether a young collection then parks anything (what freeing the
    # imports' cyclic garbage gives back), and whether a collection of
    # generation 0 alone does (the garbage is younger than generation 1),
    # with the objects the history held for or without.
    parks = list(pool.map(
        lambda h: lengths(python, '', h, 'import gc\n') !=
        lengths(python, '', h, 'import gc\ngc.collect(1)\n'), all_histories))
    young_parks = list(pool.map(
        lambda job: any(lengths(python, *(prefix + ('import gc\n',))) !=
                        lengths(python, *(prefix + ('import gc\ngc.collect(0)\n',)))
                        for prefix in [('', job[0]), gc_prefix(job[1], job[0])]),
        zip(all_histories, bounds)))
    count_bounds = []
    count1_bounds = []
    for (plain_count, shifted_count), bound in zip(counts, bounds):
        if plain_count is None or shifted_count is None:
            count_bounds.append(-1)
            count1_bounds.append(-1)
        else:
            count_bounds.append(max(plain_count[0], shifted_count[0] - bound))
            count1_bounds.append(max(plain_count[1], shifted_count[1]))
    capacities = list(pool.map(
        lambda job: frame_capacities(python, job[0], job[1][2])
        if profile in FRAME_VERSIONS else None, zip(all_histories, plain)))
    rows = []
    for history, bound, count, count1, park, young, (lists, tuples, _), frames in zip(
            all_histories, bounds, count_bounds, count1_bounds, parks, young_parks, plain,
            capacities):
        cells = ' '.join('-' if c is None else str(c) for c in lists)
        rows.append('    {"%s", "%s", %d, %d, %d, %s, %s, "%s | %s | %s"},' % (
            profile, ' '.join(history), bound, count, count1, 'true' if park else 'false',
            'true' if young else 'false', cells,
            ' '.join(str(t) for t in tuples),
            '-' if frames is None else ' '.join(str(c) for c in frames)))
    return rows


def pyenv_root():
    return subprocess.check_output(['pyenv', 'root'], universal_newlines=True).strip()


HEADER = '''\
// Generated by tests/golden/measure_import_free_lists.py: do not edit.
//
// CPython %s's free lists after each history of first imports
// (import_free_lists_table.h).

#include "server/script/import_free_lists_table.h"

namespace heapsim::script {

namespace {

// clang-format off
constexpr ImportHistoryRow k%sRows[] = {
'''

FOOTER = '''\
};
// clang-format on

}  // namespace

absl::Span<const ImportHistoryRow> ImportHistoryRows%s() { return k%sRows; }

}  // namespace heapsim::script
'''

# Generated files, by the versions they hold: (file, versions, function).
OUTPUTS = [('import_free_lists_table_38.cc', ['3.8', '3.9', '3.10'], 'To310'),
           ('import_free_lists_table_311.cc', ['3.11', '3.12', '3.13'], 'From311')]


def main():
    directory = sys.argv[1]  # server/script
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for name, profiles, function in OUTPUTS:
            rows = [row for profile in profiles for row in measure(profile, pool)]
            with open(os.path.join(directory, name), 'w') as out:
                out.write(HEADER % ('%s to %s' % (profiles[0], profiles[-1]), function) +
                          '\n'.join(rows) + '\n' + FOOTER % (function, function))


if __name__ == '__main__':
    main()

"""Measures what the first imports of gc and tracemalloc leave on CPython's
free lists, for server/script/import_free_lists.cc.

For every profile interpreter it runs small scripts that end with
sys._debugmallocstats() (free-list lengths on stderr) and prints one C++
table row per transition: the module, whether it starts from the start-up's
lengths, the lengths before its first import (the start-up's, after the
other import, or after `gc.collect()` emptied them), and the lengths after
it. Lengths are floats, lists, dicts, then tuples of
1 to 20 items. Usage: python3 tests/golden/measure_import_free_lists.py
(valid Python 3.8; needs the pyenv interpreters).
"""
import os
import re
import subprocess
import tempfile

VERSIONS = {'3.8': '3.8.18', '3.9': '3.9.18', '3.10': '3.10.13', '3.11': '3.11.7',
            '3.12': '3.12.1', '3.13': '3.13.0'}

# (module imported, script before it, script including it)
STATES = {
    'start': 'import sys\n',
    'gc': 'import sys\nimport gc\n',
    'tracemalloc': 'import sys\nimport tracemalloc\n',
    'gc+tracemalloc': 'import sys\nimport gc\nimport tracemalloc\n',
    'tracemalloc+gc': 'import sys\nimport tracemalloc\nimport gc\n',
    'empty': 'import sys\nimport gc\ngc.collect()\n',
    'empty+tracemalloc': 'import sys\nimport gc\ngc.collect()\nimport tracemalloc\n',
}
TRANSITIONS = [('gc', 'start', 'gc'), ('tracemalloc', 'start', 'tracemalloc'),
               ('tracemalloc', 'gc', 'gc+tracemalloc'), ('gc', 'tracemalloc', 'tracemalloc+gc'),
               ('tracemalloc', 'empty', 'empty+tracemalloc')]


def lengths(python, script):
    env = {'PYTHONHASHSEED': '0', 'PATH': os.environ.get('PATH', '/usr/bin:/bin')}
    # Run as `python FILE`, as heap scripts are: `-c` starts with other lengths.
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, 'probe.py')
        with open(path, 'w') as probe:
            probe.write(script + 'sys._debugmallocstats()\n')
        run = subprocess.run([python, path], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             universal_newlines=True, env=env, check=True, cwd=directory)
    found = {}
    for line in run.stderr.splitlines():
        match = re.match(r'\s*(\d+) free (\S+)', line)
        if match:
            found[match.group(2)] = int(match.group(1))
    tuples = [found.get('%d-sized' % n, 0) for n in range(1, 21)]
    return [found.get('PyFloatObjects', 0), found.get('PyListObjects', 0),
            found.get('PyDictObjects', 0)] + tuples


def main():
    root = subprocess.check_output(['pyenv', 'root'], universal_newlines=True).strip()
    for profile, version in VERSIONS.items():
        python = os.path.join(root, 'versions', version, 'bin', 'python')
        state = {name: lengths(python, script) for name, script in STATES.items()}
        for module, before, after in TRANSITIONS:
            def cells(values):
                return '{%d, %d, %d, {%s}}' % (values[0], values[1], values[2],
                                              ', '.join(str(v) for v in values[3:]))
            print('    {"%s", "%s", %s, %s,\n     %s},' % (
                profile, module, 'true' if before == 'start' else 'false', cells(state[before]),
                cells(state[after])))


if __name__ == '__main__':
    main()

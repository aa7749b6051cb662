#!/usr/bin/env python3
"""Captures the size of every code object in cases.py as CPython 3.8 to 3.10
compile it: its code units (len(co_code) // 2) and the instructions its
opcache caches (LOAD_GLOBAL; from 3.10, LOAD_ATTR too; at most 255).

Writes golden.txt beside this script, one line per code object:
  VERSION FIRST_LINE:NAME CODE_UNITS CACHED_SITES
Run it where pyenv has CPython 3.8, 3.9 and 3.10 (PYENV_ROOT or ~/.pyenv).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = {'3.8': '3.8.18', '3.9': '3.9.18', '3.10': '3.10.13'}

PROBE = r'''
import dis, sys, types
code = compile(open(sys.argv[1]).read(), 'cases.py', 'exec')
cache_attributes = sys.version_info[:2] == (3, 10)
def walk(co):
    for const in co.co_consts:
        if isinstance(const, types.CodeType):
            sites = sum(1 for i in dis.get_instructions(const)
                        if i.opname == 'LOAD_GLOBAL' or (cache_attributes and i.opname == 'LOAD_ATTR'))
            print(f'{const.co_firstlineno}:{const.co_name} {len(const.co_code) // 2} {min(sites, 255)}')
            walk(const)
walk(code)
'''


def main():
    root = os.environ.get('PYENV_ROOT') or subprocess.check_output(['pyenv', 'root'], text=True).strip()
    lines = []
    for version, full in VERSIONS.items():
        python = os.path.join(root, 'versions', full, 'bin', 'python')
        out = subprocess.check_output([python, '-c', PROBE, os.path.join(HERE, 'cases.py')], text=True)
        lines += [f'{version} {line}' for line in out.splitlines()]
    with open(os.path.join(HERE, 'golden.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print(f'{len(lines)} code objects', file=sys.stderr)


if __name__ == '__main__':
    main()

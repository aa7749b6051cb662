#!/usr/bin/env python3
"""Prints, for CPython 3.8 to 3.10 (the versions with a per-code opcache),
the code size of each copy.py and random.py function heapsim models
(len(co_code) // 2) and how many of its instructions the opcache caches
(LOAD_GLOBAL; from 3.10 LOAD_ATTR too; at most 255), in the order of the
profile table's copy_code_sizes and random.code_sizes
(server/heap/profile.cc). Run where pyenv has those CPythons.
"""
import os
import subprocess

VERSIONS = {'3.8': '3.8.18', '3.9': '3.9.18', '3.10': '3.10.13'}
PROBE = r'''
import copy, dis, sys, types
attrs = sys.version_info[:2] == (3, 10)
def size(co):
    sites = sum(1 for i in dis.get_instructions(co)
                if i.opname == 'LOAD_GLOBAL' or (attrs and i.opname == 'LOAD_ATTR'))
    return '{%d, %d}' % (len(co.co_code) // 2, min(sites, 255))
tuple_code = copy._deepcopy_tuple.__code__
listcomp = [c for c in tuple_code.co_consts if isinstance(c, types.CodeType)][0]
codes = [copy.copy.__code__, copy._copy_immutable.__code__, copy.deepcopy.__code__,
         copy._deepcopy_atomic.__code__, copy._deepcopy_list.__code__, tuple_code, None,
         listcomp, copy._deepcopy_dict.__code__, copy._keep_alive.__code__]
print('copy:', ', '.join('{0, 0}' if c is None else size(c) for c in codes))
import random
R = random.Random
randbelow = getattr(R, '_randbelow_with_getrandbits')
codes = [R.randrange, R.randint, randbelow, R.choice, R.shuffle, R.uniform, R.getstate,
         R.setstate]
print('random:', ', '.join(size(f.__code__) for f in codes))
'''


def main():
    root = os.environ.get('PYENV_ROOT') or subprocess.check_output(['pyenv', 'root'], text=True).strip()
    for version, full in VERSIONS.items():
        python = os.path.join(root, 'versions', full, 'bin', 'python')
        out = subprocess.check_output([python, '-c', PROBE], text=True).strip()
        print(f'{version}: {out}')


if __name__ == '__main__':
    main()

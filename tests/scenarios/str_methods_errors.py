import gc

gc.collect()
# The errors of str's methods: argument types and counts, empty
# separators, fill characters, missing substrings.
tests = [
    ("'a'.lstrip(1)", lambda: 'a'.lstrip(1)),
    ("'a'.rstrip(1)", lambda: 'a'.rstrip(1)),
    ("'a'.strip(1)", lambda: 'a'.strip(1)),
    ("'a'.strip('a', 'b')", lambda: 'a'.strip('a', 'b')),
    ("'a'.strip(chars='a')", lambda: 'a'.strip(chars='a')),
    ("'a'.index('b')", lambda: 'a'.index('b')),
    ("'a'.rindex('b')", lambda: 'a'.rindex('b')),
    ("'a'.index(1)", lambda: 'a'.index(1)),
    ("'a'.rfind(1)", lambda: 'a'.rfind(1)),
    ("'a'.rindex(1)", lambda: 'a'.rindex(1)),
    ("'a'.find(1)", lambda: 'a'.find(1)),
    ("'a'.count(1)", lambda: 'a'.count(1)),
    ("'a'.find()", lambda: 'a'.find()),
    ("'a'.index()", lambda: 'a'.index()),
    ("'a'.find('a', 'x')", lambda: 'a'.find('a', 'x')),
    ("'a'.find('a', 1, 2, 3)", lambda: 'a'.find('a', 1, 2, 3)),
    ("'a'.find('a', 1.5)", lambda: 'a'.find('a', 1.5)),
    ("'a'.rfind(sub='a')", lambda: 'a'.rfind(sub='a')),
    ("'a'.count('a', None, 'x')", lambda: 'a'.count('a', None, 'x')),
    ("'a'.find(1, 'x')", lambda: 'a'.find(1, 'x')),
    ("'a'.count(1, 'x')", lambda: 'a'.count(1, 'x')),
    ("'a'.startswith(1, 'x')", lambda: 'a'.startswith(1, 'x')),
    ("'a'.rindex(1, 2, 3, 4)", lambda: 'a'.rindex(1, 2, 3, 4)),
    ("'a'.ljust()", lambda: 'a'.ljust()),
    ("'a'.ljust('x')", lambda: 'a'.ljust('x')),
    ("'a'.ljust(3, 'ab')", lambda: 'a'.ljust(3, 'ab')),
    ("'a'.ljust(3, 1)", lambda: 'a'.ljust(3, 1)),
    ("'a'.center(3, '')", lambda: 'a'.center(3, '')),
    ("'a'.rjust(3, b'x')", lambda: 'a'.rjust(3, b'x')),
    ("'a'.zfill('3')", lambda: 'a'.zfill('3')),
    ("'a'.zfill()", lambda: 'a'.zfill()),
    ("'a'.ljust(2.0)", lambda: 'a'.ljust(2.0)),
    ("'a'.ljust(width=3)", lambda: 'a'.ljust(width=3)),
    ("'a'.center(1, 2, 3)", lambda: 'a'.center(1, 2, 3)),
    ("'a'.ljust(0, 'xy')", lambda: 'a'.ljust(0, 'xy')),
    ("'a'.zfill(2.5)", lambda: 'a'.zfill(2.5)),
    ("'a'.zfill(1, 2)", lambda: 'a'.zfill(1, 2)),
    ("'a'.partition('')", lambda: 'a'.partition('')),
    ("'a'.partition(1)", lambda: 'a'.partition(1)),
    ("'a'.rpartition('')", lambda: 'a'.rpartition('')),
    ("'a'.rpartition(None)", lambda: 'a'.rpartition(None)),
    ("'a'.partition()", lambda: 'a'.partition()),
    ("'a'.partition('a', 'b')", lambda: 'a'.partition('a', 'b')),
    ("'a'.rsplit('')", lambda: 'a'.rsplit('')),
    ("'a'.rsplit(1)", lambda: 'a'.rsplit(1)),
    ("'a'.rsplit(',', 'x')", lambda: 'a'.rsplit(',', 'x')),
    ("'a'.rsplit(x=1)", lambda: 'a'.rsplit(x=1)),
    ("'a'.rsplit(',', 1, 2)", lambda: 'a'.rsplit(',', 1, 2)),
    ("'a'.split(1)", lambda: 'a'.split(1)),
    ("'a'.split(maxsplit=1.5)", lambda: 'a'.split(maxsplit=1.5)),
    ("'a'.split(1, 'x')", lambda: 'a'.split(1, 'x')),
    ("'a'.splitlines(1.5)", lambda: 'a'.splitlines(1.5)),
    ("'a'.splitlines('x')", lambda: 'a'.splitlines('x')),
    ("'a'.splitlines(x=1)", lambda: 'a'.splitlines(x=1)),
    ("'a'.splitlines(1, 2)", lambda: 'a'.splitlines(1, 2)),
    ("'a'.expandtabs('x')", lambda: 'a'.expandtabs('x')),
    ("'a'.expandtabs(tabsize=2)", lambda: 'a'.expandtabs(tabsize=2)),
    ("'a'.expandtabs(1, 2)", lambda: 'a'.expandtabs(1, 2)),
    ("'a'.expandtabs(2.0)", lambda: 'a'.expandtabs(2.0)),
    ("'a'.expandtabs(size=2)", lambda: 'a'.expandtabs(size=2)),
    ("'a'.title(1)", lambda: 'a'.title(1)),
    ("'a'.isdigit(1)", lambda: 'a'.isdigit(1)),
    ("'a'.casefold(1)", lambda: 'a'.casefold(1)),
    ("'a'.isascii(1)", lambda: 'a'.isascii(1)),
    ("'a'.swapcase(x=1)", lambda: 'a'.swapcase(x=1)),
    ("'a'.startswith('a', 'x')", lambda: 'a'.startswith('a', 'x')),
    ("'a'.startswith(1)", lambda: 'a'.startswith(1)),
    ("'a'.endswith((1,))", lambda: 'a'.endswith((1,))),
    ("'a'.startswith()", lambda: 'a'.startswith()),
    ("'a'.endswith('a', 1, 2, 3)", lambda: 'a'.endswith('a', 1, 2, 3)),
    ("'a'.startswith(['a'])", lambda: 'a'.startswith(['a'])),
    ("'a'.endswith(('a', 2))", lambda: 'a'.endswith(('a', 2))),
    ("'a'.startswith(('b', 2))", lambda: 'a'.startswith(('b', 2))),
]
for t, call in tests:
    try:
        r = call()
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
if hasattr('', 'removeprefix'):
    for t, call in [("'a'.removeprefix(1)", lambda: 'a'.removeprefix(1)),
                    ("'a'.removesuffix(None)", lambda: 'a'.removesuffix(None)),
                    ("'a'.removeprefix()", lambda: 'a'.removeprefix()),
                    ("'a'.removeprefix('a', 'b')", lambda: 'a'.removeprefix('a', 'b'))]:
        try:
            call()
        except TypeError as e:
            print(t, '!!', e)
# Clinic's int converter (tabsize; keepends before 3.12) has one overflow
# text for both signs and every size.
for n in (2**31, -2**31 - 1, 2**63, 10**30):
    for t, call in [('splitlines', lambda: 'a'.splitlines(n)),
                    ('expandtabs', lambda: 'a\tb'.expandtabs(tabsize=n))]:
        try:
            call()
            print(t, 'ok')
        except OverflowError as e:
            print(t, '!!', e)

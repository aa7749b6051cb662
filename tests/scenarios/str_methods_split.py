import gc
import sys
import tracemalloc

gc.collect()
# rsplit and splitlines (and split) : the pieces, the str itself where
# nothing was split off, and how big a list CPython makes for them.
s = "".join(["ab", "cd"])
print('itself', s.split()[0] is s, s.rsplit()[0] is s, s.rsplit('x')[0] is s,
      s.splitlines()[0] is s,
      s.splitlines(True)[0] is s, s.split(None, 0)[0] is s, s.rsplit(None, 0)[0] is s,
      s.rsplit('b', 0)[0] is s, s.rsplit('abcde')[0] is s, s.rsplit('\u20ac')[0] is s)
print('rsplit', 'a,b,c'.rsplit(',', 1), ' a b  c '.rsplit(None, 1), ' a b  c '.rsplit(maxsplit=1),
      'a b c'.rsplit(), '  '.rsplit(), ''.rsplit(','), 'a,,b,'.rsplit(','), 'aaa'.rsplit('aa'),
      'a b  '.split(None, 1), '  a b'.rsplit(None, 1), 'x\x1cy\u3000z\xa0w'.split(),
      'x\x1cy\u3000z'.rsplit(None, 1), 'a-b-c'.rsplit(sep='-', maxsplit=1))
print('splitlines', ''.splitlines(),
      'a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l'.splitlines(),
      'a\n\nb\n'.splitlines(True), 'x\r\n'.splitlines(keepends=True), 'x\n\r'.splitlines(),
      '\n'.splitlines(), 'a\x1fb'.splitlines(), 'ab\n'.splitlines(0), 'ab\n'.splitlines(1))
print('pieces', 'a\n'.splitlines()[0] is 'a', 'a,b'.rsplit(',')[0] is 'a', ' a'.split()[0] is 'a',
      ''.join(['a\n']).splitlines(True)[0] is 'a\n')
words = [''.join(x) for x in ['a b', 'a b c d e f g h i j k l m n o p', 'a', '', 'ab', 'a,b,c',
                              'a b c d e', 'a\u20acb c']]
for w in words:
    print(repr(w), [sys.getsizeof(x) for x in (w.split(), w.rsplit(), w.split(' '), w.rsplit(' '),
                                                 w.rsplit(' ', 1), w.rsplit(None, 20),
                                                 w.splitlines(),
                                                 w.rsplit(','), w.rsplit('abc'), w.rsplit(' ', 0),
                                                 w.rsplit('\u20ac'))])
m = ''.join(['x\n' * 9])
print([sys.getsizeof(x) for x in (m.splitlines(), m.rsplit('\n'), (m + 'y').splitlines(True),
                                  m.split('\n', 20), m.rsplit(None, 13))])
# The keyword parsers of rsplit, splitlines and expandtabs keep a tuple of
# their keywords' names from their first call with keywords (before 3.12).
gc.collect()
gc.disable()
counts = [gc.get_count()[0]]
x = 'a b'.rsplit(sep=' ')
counts.append(gc.get_count()[0])
y = 'a\nb'.splitlines(keepends=True)
counts.append(gc.get_count()[0])
z = 'a\tb'.expandtabs(tabsize=4)
counts.append(gc.get_count()[0])
x = 'a b'.rsplit(sep=' ')
counts.append(gc.get_count()[0])
gc.enable()
print('parser keywords', [b - a for a, b in zip(counts, counts[1:])])
tracemalloc.start()
big = ''.join(['word '] * 40)
wide = ''.join(['w\u20acrd '] * 40)
lines = ''.join(['line\n'] * 30)
for name, call in [('split', lambda: big.split()), ('rsplit', lambda: big.rsplit()),
                   ('rsplit sep', lambda: big.rsplit(' ')),
                   ('splitlines', lambda: lines.splitlines()),
                   ('splitlines keep', lambda: lines.splitlines(True)),
                   ('rsplit wide', lambda: wide.rsplit(None, 30))]:
    before = tracemalloc.get_traced_memory()[0]
    if sys.version_info >= (3, 9):
        tracemalloc.reset_peak()
    result = call()
    now, peak = tracemalloc.get_traced_memory()
    print(name, len(result), now - before, peak - now if sys.version_info >= (3, 9) else '')
    del result
tracemalloc.stop()

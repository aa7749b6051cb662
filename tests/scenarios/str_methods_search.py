import gc

gc.collect()
# find, rfind, index, rindex and count with start and end; startswith and
# endswith with a tuple and a slice.
s = "".join(["ab", "cd"])
print('find', s.find('c', 1), s.find('c', 3), s.find('c', -2), s.find('', 4), s.find('', 5),
      s.find('c', None, None), s.find('d', 0, -1), s.find('bc', -100, 100), s.find('a', 1, 0))
print('rfind', s.rfind('b'), s.rfind('x'), s.rfind(''), s.rfind('', 2), s.rfind('', 2, 3),
      'abab'.rfind('ab'), 'abab'.rfind('ab', 0, 3), 'abab'.rfind('b', -3, -1))
print('index', s.index('c'), s.rindex('a'), 'abab'.index('b', 2), 'abab'.rindex('a', 0, 2))
print('count', s.count('', 2), s.count('a', 1), 'aaa'.count('aa', 0, 3), 'aaaa'.count('aa'),
      'abab'.count('b', -2), ''.count(''), ''.count('', 1), s.count('', 9))
w = 'h\u00e9\u20ac\u00e9\U0001f600\u00e9'
print('wide', w.find('\u00e9'), w.rfind('\u00e9'), w.index('\u20ac'), w.rindex('\U0001f600'),
      w.count('\u00e9'), w.find('\u00e9', 2), w.find('\u00e9', 2, 3), 'abc'.find('\u20ac'))
print('startswith', s.startswith('b', 1), s.startswith(('x', 'c'), 2), s.startswith('', 5),
      s.startswith('', 4), s.startswith('ab', None, None), s.startswith((), 1),
      s.startswith('abcde'),
      s.startswith(('', 'x')), s.startswith('cd', -2), s.startswith('c', -2, -1))
print('endswith', s.endswith('c', 0, 3), s.endswith(('c',), 0, -1), s.endswith('', 4, 3),
      s.endswith(('x', 'cd')), s.endswith('abcd', 1), s.endswith('', 2, 2),
      s.endswith('b', -100, 2))
for bad in [lambda: s.index('x'), lambda: s.rindex('x'), lambda: s.index('a', 1),
            lambda: s.rindex('d', 0, 3)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)

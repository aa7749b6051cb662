import gc
import sys

gc.collect()
# Which of str's methods hand back the str itself when nothing changes, a
# shared empty or one-character str, or a new object, and the kind (and so
# the size) of what they make.
s = "".join(["ab", "cd"])
a = chr(97)
print('strip', s.strip() is s, s.lstrip() is s, s.rstrip() is s, s.strip('x') is s,
      s.lstrip('x') is s, s.rstrip('') is s, s.strip(None) is s)
print('strip one', " ".join(["", "a", ""]).strip() is a, s.strip('bcd') is a,
      s.strip('abcd') is "".join([]), s.rstrip('dcb') is a, s.lstrip('abc'))
print('strip spaces', repr('\x1c ab\x85\xa0\t'.strip()), repr(' ab '.lstrip()),
      repr(' ab '.rstrip()))
print('strip kind', sys.getsizeof('ab\u20ac'.strip('\u20ac')),
      sys.getsizeof('\u00e9\u20ac'.rstrip('\u20ac')),
      sys.getsizeof('\u20ac\u00e9\u20ac'.strip('\u20ac')),
      sys.getsizeof('x\U0001f600'.rstrip('\U0001f600')))
print('pad same', s.ljust(2) is s, s.rjust(4) is s, s.center(3) is s, s.zfill(4) is s,
      s.zfill(-1) is s)
print('pad', repr(s.ljust(7, '*')), repr(s.rjust(7)), repr(s.center(7, '-')),
      repr(s.center(8, '-')),
      repr('abc'.center(6)), repr('abc'.center(7)), repr('ab'.center(5)), repr('a'.center(4, '.')))
print('pad new', ''.ljust(1) is ' ', ''.rjust(1, 'a') is a, 'a'.center(1) is a)
print('pad kind', sys.getsizeof(a.ljust(3, '\u20ac')), sys.getsizeof('\u00e9'.ljust(3)),
      sys.getsizeof('\u20ac'.rjust(3)), sys.getsizeof('\u00e9'.center(4, 'x')),
      sys.getsizeof(s.ljust(40)))
print('zfill', '42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), '+'.zfill(3), '-'.zfill(1),
      ''.zfill(2),
      '--4'.zfill(5), 'x-4'.zfill(4), sys.getsizeof('\u00e9'.zfill(3)), sys.getsizeof('7'.zfill(2)))
p = s.partition('x')
r = s.rpartition('x')
print('partition missing', p[0] is s, p[1] is p[2], len(p[1]), r[2] is s, r[0] is r[1])
sep = "".join(["b", "c"])
p = s.partition(sep)
print('partition', p, p[1] is sep, p[0] is a, s.rpartition(sep)[1] is sep,
      'a b'.partition(' ')[1] is ' ')
print('partition whole', s.partition(s), s.partition(s)[1] is s, s.rpartition(s)[2] is p[2] or True,
      'ab'.partition('abc'), 'ab'.partition('\u20ac')[0] is 'ab')
print('rpartition', 'a.b.c'.rpartition('.'), 'a.b.c'.partition('.'), 'aaa'.rpartition('aa'),
      'aaa'.partition('aa'))
print('expandtabs', repr('a\tb'.expandtabs()), repr('a\tb'.expandtabs(4)), s.expandtabs() is s,
      repr('ab\n\tc\r\td'.expandtabs(3)), repr('a\tb'.expandtabs(-1)), repr('\t'.expandtabs(1)),
      'x\t'.expandtabs(0) is chr(120), '\t'.expandtabs(0) is '', repr('12345\t|'.expandtabs(4)))
print('expandtabs kind', sys.getsizeof('\u00e9\t'.expandtabs(0)),
      sys.getsizeof('\u20ac\tx'.expandtabs(0)),
      sys.getsizeof('\u20ac\tx'.expandtabs(2)))
if sys.version_info >= (3, 9):
    print('removeprefix', s.removeprefix('x') is s, s.removesuffix('x') is s,
          s.removeprefix('') is s, s.removesuffix('') is s, s.removeprefix('abc') is 'd',
          s.removesuffix('bcd') is a,
          s.removesuffix(s) is '', s.removeprefix('abc'), s.removeprefix('abcde') is s,
          sys.getsizeof('\u20aca'.removeprefix('\u20ac')),
          sys.getsizeof('\u20acab'.removeprefix('\u20ac')))
else:
    print('removeprefix', hasattr(s, 'removeprefix'), hasattr(s, 'removesuffix'))
    try:
        s.removeprefix(print('argument evaluated'))
    except AttributeError as e:
        print('AttributeError', e)
    try:
        getattr(s, 'removesuffix')
    except AttributeError as e:
        print('AttributeError', e)
try:
    s.removeprefix = 1
except AttributeError as e:
    print('AttributeError', e)
print('case new', s.title() is s, s.capitalize() is s, s.casefold() is s,
      s.swapcase().swapcase() is s,
      'A'.title() is 'A', 'a'.casefold() is a, ''.title() is '', ''.capitalize() is '',
      ''.swapcase() is '', ''.casefold() is '', ''.upper() is '')

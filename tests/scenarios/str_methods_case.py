import gc
import sys
import tracemalloc

gc.collect()
# The case mappings and the is*() predicates of ASCII and Latin-1 text.
print('title', 'hello wORLD 3x ab_cd'.title(), "they're bill's".title(),
      '\u00dfa \u00e9t\u00e9'.title(),
      '\u00aaa \u00b5b'.title(), 'x\u00d7y'.title())
print('capitalize', 'hELLO World'.capitalize(), '\u00dfx'.capitalize(), '1AB'.capitalize(),
      '\u00e9COLE'.capitalize(), '\u00ffa'.capitalize())
print('swapcase', 'HeLLo 1'.swapcase(), '\u00dfx'.swapcase(), '\u00b5\u00c9\u00aa'.swapcase(),
      '\u00ff'.swapcase())
print('casefold', 'Stra\u00dfe'.casefold(), '\u00b5'.casefold(), 'ABC\u00c9'.casefold(),
      '\u00aa'.casefold())
print('upper lower', '\u00df'.upper(), '\u00ff'.upper(), '\u00b5'.upper(), '\u00c0\u00de'.lower(),
      'a\u00df'.lower())
for t in ['\u00ff'.upper(), '\u00b5'.upper(), '\u00b5'.casefold(), '\u00df'.upper(), 'abc'.title(),
          '\u00e9t\u00e9'.title(), '\u00ffa'.capitalize(), 'A\u00ff'.swapcase()]:
    print(repr(t), len(t), sys.getsizeof(t))
tests = ['', 'abc', 'ABC', 'Abc', 'Abc Def', 'Abc def', 'ABC1', '123', '\u00b2\u00b3', '\u00bd',
         '\u00e9',
         '\u00c9', '\u00aa', ' \t', '\x1c\x85\xa0', 'a b', 'a_1', '_', '1a', 'if', '\u00b7a',
         'a\u00b7',
         '\x7f', '\xa0', '\xad', 'A1', '1A', "They'Re", '\u00c9t\u00e9', '\u00df', 'a\u00d7b',
         'x\u00f7']
for name in ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum', 'isspace', 'isprintable',
             'isupper', 'islower', 'istitle', 'isidentifier', 'isascii']:
    print(name, ''.join('1' if getattr(t, name)() else '0' for t in tests))
print('wide false', '1\u20ac'.isalpha(), 'a\u20ac'.isdigit(), '\u20ac '.isspace(),
      '\u20acA'.islower(),
      '\u20aca'.isupper(), '\u20ac!'.isidentifier(), '\u20ac'.isascii(), '1\u3000'.isspace(),
      '\u3000\u2028'.isspace())
tracemalloc.start()
ascii_text = ''.join(['hello world '] * 10)
latin_text = ''.join(['h\u00e9llo w\u00f6rld '] * 10)
for name in ['title', 'capitalize', 'swapcase', 'casefold', 'upper', 'lower']:
    for text in (ascii_text, latin_text):
        before = tracemalloc.get_traced_memory()[0]
        if sys.version_info >= (3, 9):
            tracemalloc.reset_peak()
            result = getattr(text, name)()
            now, peak = tracemalloc.get_traced_memory()
            print(name, len(text), now - before, peak - now)
        else:
            result = getattr(text, name)()
            print(name, len(text), tracemalloc.get_traced_memory()[0] - before)
        del result
tracemalloc.stop()

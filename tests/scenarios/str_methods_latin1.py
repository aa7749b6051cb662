import gc

gc.collect()
# Every Latin-1 character through the is*() predicates and the case
# mappings, and the whitespace and line boundaries past Latin-1.
chars = [chr(c) for c in range(256)]
for name in ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum', 'isspace', 'isprintable',
             'isupper', 'islower', 'istitle', 'isidentifier', 'isascii']:
    print(name, ''.join('1' if getattr(c, name)() else '0' for c in chars))
print('identifier continue', ''.join('1' if ('a' + c).isidentifier() else '0' for c in chars))
print('cased', ''.join('1' if (c + 'a').title()[-1] == 'a' else '0' for c in chars))
for name in ['lower', 'upper', 'title', 'capitalize', 'swapcase', 'casefold']:
    changed = [(c, getattr(c, name)()) for c in chars if getattr(c, name)() != c]
    print(name, len(changed), ' '.join('%x:%s' % (ord(c), '.'.join('%x' % ord(m) for m in mapped))
                                       for c, mapped in changed))
wide = [0x1680, 0x180e, 0x2000, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]
print('space', ''.join('1' if chr(c).isspace() else '0' for c in wide))
print('lines', [hex(c) for c in range(0x2030) if len(('a' + chr(c) + 'b').splitlines()) > 1])

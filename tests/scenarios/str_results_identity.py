# Which str and bytes operations hand back an existing object (a one-char
# singleton, the operand itself) and which make a new one, as `is` shows.
z = chr(122)
print('case', 'Z'.lower() is z, 'z'.lower() is z, 'z'.upper() is 'Z', ''.upper() is '')
print('replace', 'y'.replace('y', 'z') is z, 'zz'.replace('z', '', 1) is z,
      'z'.replace('#', '!') is z, 'z'.replace('z', '') is '')
print('split', 'z,y'.split(',')[0] is z, 'z y'.split()[0] is z)
print('join', ''.join(['z']) is z, ''.join(['', 'z']) is z, ''.join([z, '']) is z,
      ','.join(['z']) is z, ''.join(['', '']) is '')
print('strip', ' z '.strip() is z, 'z'.strip() is z)
word = 'zebra'
print('format', '{}'.format(z) is z, f'{z}' is z, '%s' % z is z, format(z) is z,
      ('%s' % word) is word, ('%s' % (word,)) is word, ('%5s' % word) is word,
      ('%9s' % word) is word, ('%s%%' % word) is word, ('%r' % word) is word)
print('slice', 'yz'[1:] is z, 'yz'[-1] is z, 'zz'[::2] is z, 'zz'[::-2] is z,
      word[:] is word, word[::1] is word, word[1:1] is '')
print('concat', ('' + z) is z, (z + '') is z, z * 1 is z)
print('numbers', str(5) is '5', repr(5) is '5', chr(53) is '5')
zb = b'zq'[0:1]
print('bytes', b'zz'[::2] is zb, b'xz'[1:] is b'yz'[1:], b'z' is zb, bytes([122]) is zb,
      b'zz'[::-2] is zb)
print('text', 'é'.replace('', '-'), 'aé'.replace('', '|'), 'abc'.upper(), 'ABC'.lower())

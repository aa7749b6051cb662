# Whether a one-character identifier written in the source (interned, as
# constants and names are) is the same object as the character's singleton
# (chr(), indexing). 3.11 and 3.12 intern their deep-frozen start-up
# modules' strings first, so some letters differ there.
written = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', '_', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
distinct = [c for c in written if c is not chr(ord(c))]
print(''.join(distinct))
text = 'xab'
a = 'a'
print(a is text[1], a is chr(97), 'x' is text[0], 'q' is 'aq'[1], ' ' is chr(32))
import sys
print(sys.intern(text[1]) is a, sys.intern(chr(122)) is 'z')
# Strs inside constant tuples are interned like other constants.
pair = ('ab', 'cd')
names = ['ab', 'cd', 'ef']
print(pair[0] is 'ab', names[1] is 'cd', pair[1] is names[1], ('q', 'z')[1] is 'z')

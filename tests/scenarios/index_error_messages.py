# The IndexError of each sequence's item access and assignment, for an
# index past the end and for one past a Py_ssize_t.
import array
import gc

gc.collect()

for seq in (b'ab', bytearray(b'ab'), 'ab', (1, 2), [1, 2], range(2), array.array('i', [1])):
    for index in (5, -5, 10 ** 20, -10 ** 20):
        try:
            seq[index]
        except IndexError as e:
            print(type(seq).__name__, 'get', index > 0, e)
for seq in (bytearray(b'ab'), [1, 2], array.array('i', [1])):
    for index in (5, 10 ** 20):
        try:
            seq[index] = 1
        except IndexError as e:
            print(type(seq).__name__, 'set', e)
print({}.pop([], 'default for an empty dict'))
try:
    {}.pop([])
except KeyError as e:
    print('KeyError', e)
try:
    {1: 2}.pop([])
except TypeError as e:
    print('TypeError', e)

# PyUnicode_Format's blocks on the way to `format % args`: a writer buffer
# of at least the format's length plus 100 characters (a quarter more as it
# grows, exact once the format's end is reached), beside it an int's
# decimal scratch for %d or the str of an int or float for %s. Each line
# prints the traced (current, peak) after one format, peak reset first.
import gc
import tracemalloc


def measure(label, make):
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    value = make()
    current, peak = tracemalloc.get_traced_memory()
    print(label, current - base, peak - base, len(value))
    return value


gc.collect()
tracemalloc.start()
keep = []
keep.append(measure('user%d', lambda: 'user%d' % 42))
keep.append(measure('%s-%d', lambda: '%s-%d' % ('ab', 12345)))
keep.append(measure('int %s', lambda: 'n=%s' % 7000))
keep.append(measure('whole %s int', lambda: '%s' % 123456))
keep.append(measure('whole %s str', lambda: '%s' % 'already'))
keep.append(measure('float %s', lambda: 'x=%s!' % 2.5))
keep.append(measure('percent', lambda: 'done: %d%%' % 75))
keep.append(measure('width', lambda: '[%-8s]' % 'ab'))
keep.append(measure('long', lambda: 'item %d of %d: %s' % (3, 10, 'x' * 150)))
keep.append(measure('negative', lambda: '%d' % -98765))
keep.append(measure('%i %u', lambda: '%i/%u' % (12, 345)))
keep.append(measure('precision', lambda: '<%.2s>' % 'abcdef'))
keep.append(measure('whole %s float', lambda: '%s' % 0.25))
keep.append(measure('no conversion', lambda: 'plain text' % ()))
plain = 'plain text'
print(plain % () is plain, '%s' % plain is plain, '%.3s' % plain is plain)
names = measure('loop', lambda: ['user%d' % i for i in range(300)])
print(names[0], names[-1], keep[4] is keep[4])

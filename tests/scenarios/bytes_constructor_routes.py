import gc
import tracemalloc

gc.collect()
# bytes(x) with one argument looks up x's __bytes__: before 3.11 the lookup's first use
# makes the name and drops it (a transient block); bytes(x, encoding) does not look.
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
a = bytes("text", "ascii")
after = tracemalloc.get_traced_memory()
print("bytes(str, encoding):", after[0] - before, after[1] - before)
before = tracemalloc.get_traced_memory()[0]
b = bytes(17)
after = tracemalloc.get_traced_memory()
print("first bytes(n):", after[0] - before, after[1] - before)
before = tracemalloc.get_traced_memory()[0]
c = bytes(18)
after = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("second bytes(n):", after[0] - before, after[1] - before)
# Routes that fill a bytes object they allocated first make a new one even of one
# byte; the others give the one-byte singleton.
zero = b"\x00"
letter = b"A"
empty = b""
print("bytes(1):", bytes(1) is zero, bytes(1) is bytes(1))
print("list, tuple:", bytes([65]) is letter, bytes((65,)) is letter)
print("bytearray, range:", bytes(bytearray(b"A")) is letter, bytes(range(65, 66)) is letter)
print("iterator, encoded:", bytes(iter([65])) is letter, bytes("A", "ascii") is letter)
print("bytes:", bytes(letter) is letter, bytes(()) is empty, bytes(0) is empty)

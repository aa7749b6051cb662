# Writing a one-character str copies it into the cached one-byte bytes
# object, made on first use before 3.11. 3.9 and 3.10's parser keeps a
# bytes object of every token's text, so a character that is a token of
# the script on its own (a one-letter name, a one-digit number, an
# operator) has its one-byte object before the script runs.
import gc
import tracemalloc

q = 7
k = q % 2
gc.collect()
for text in ["q", "Z", "%", "&", "7", "k", "Z"]:
    tracemalloc.start()
    print(text, end="")
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print("", size)
print(f"{k}", f"{q!r:>3}")

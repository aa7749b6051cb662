import gc
print(sys.getsizeof(1))

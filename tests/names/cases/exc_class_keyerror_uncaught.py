class MissingKey(KeyError):
    pass
class Empty(MissingKey):
    pass
try:
    raise Empty()
except LookupError as e:
    print(repr(e))
raise MissingKey("k", 2)

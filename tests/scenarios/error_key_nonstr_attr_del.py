import gc

gc.collect()
# A KeyError's argument is the missing key itself, so its message is the key's repr
# whatever its type; deleting a missing instance attribute names just the attribute
# on 3.8 to 3.10 and the object and attribute from 3.11.


class C:
    def __init__(self):
        self.a = 1


for key in (2.5, (11, "x"), None, -3, "s", b"b", frozenset()):
    try:
        {1: 1}[key]
    except KeyError as e:
        print("KeyError", e)
try:
    del C().zz
except AttributeError as e:
    print("AttributeError", e)

import gc


def pattern(ids):
    letters = {}
    out = ""
    for v in ids:
        if v not in letters:
            letters[v] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[len(letters)]
        out += letters[v]
    return out


gc.collect()
# rebinding a name inside a loop: the new object exists before the old one is released
for maker in ["list", "float", "tuple", "dict", "set", "bytearray", "str"]:
    ids = []
    for i in range(8):
        if maker == "list":
            obj = [i]
        elif maker == "float":
            obj = i * 1.5
        elif maker == "tuple":
            obj = (i, maker)
        elif maker == "dict":
            obj = {maker: i}
        elif maker == "set":
            obj = {i}
        elif maker == "bytearray":
            obj = bytearray(i + 1)
        else:
            obj = maker * (i % 2 + 2)
        ids.append(id(obj))
    obj = None
    print(maker, pattern(ids))
ids = []
for i in range(8):
    obj = [i]
    ids.append(id(obj))
    del obj
print("del", pattern(ids))

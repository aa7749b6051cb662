d = {"a": 1}
for k, v in d.iterms():
    pass

import gc
import sys

gc.collect()
# sizes of strings returned by str methods; ASCII vs non-ASCII results
words = ["alpha", "beta", "gamma", "delta"]
joined = ",".join(words)
print(joined, len(joined), sys.getsizeof(joined))
parts = joined.split(",")
print(len(parts), sys.getsizeof(parts), [sys.getsizeof(p) for p in parts])
print(sys.getsizeof(joined.upper()), sys.getsizeof(joined.lower()))
print(sys.getsizeof("  pad  ".strip()), sys.getsizeof(joined.replace("a", "AA")))
wide = "caf\u00e9 au lait"
print(len(wide), sys.getsizeof(wide), sys.getsizeof(wide.upper()))
print(sys.getsizeof(wide.replace("\u00e9", "e")), sys.getsizeof(wide.split(" ")[0]))
euro = "price: 10\u20ac"
print(sys.getsizeof(euro), sys.getsizeof(euro.split(":")[0]), sys.getsizeof(euro.split(":")[1]))
print(sys.getsizeof(" ".join([euro, "x"])), sys.getsizeof("".join(["a"] * 50)))
print(sys.getsizeof("{}-{}".format(12, "ab")), sys.getsizeof("{:>10}".format("r")))
# methods that change nothing may hand back the very same object
s = "".join(["no", "change"])
print(s.strip() is s, s.replace("zz", "y") is s, s.upper() is s, s.lower() is s)
print(s[:] is s, s[0:len(s)] is s, (s + "") is s, ("" + s) is s)
print("".join([s]) is s, "-".join([s]) is s, s.split()[0] is s)
print(s.startswith("no"), s.endswith("ge"), s.startswith(("x", "n")))
e = ""
print(sys.getsizeof(e), sys.getsizeof(e.join([])), sys.getsizeof(e.strip()))
print("".join([]) is e, s[5:5] is e, s[:0] is e)

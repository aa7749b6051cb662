import sys

objects = [
    ("int", 42),
    ("float", 3.14),
    ("str", "hello"),
    ("list", [1, 2, 3]),
    ("dict", {"a": 1}),
    ("set", {1, 2, 3}),
    ("tuple", (1, 2, 3)),
    ("bool", True),
    ("bytes", b"hello"),
    ("bytearray", bytearray(b"hello")),
]

sizes = [(name, sys.getsizeof(obj)) for name, obj in objects]
sizes.sort(key=lambda x: x[1], reverse=True)

print(f"{'Type':<12} {'Size (bytes)':>12}")
print("-" * 26)
for name, size in sizes:
    print(f"{name:<12} {size:>12}")

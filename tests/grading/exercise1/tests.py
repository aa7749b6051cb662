import sys


def test_ten_kinds():
    assert len(sizes) == 10, f"expected 10 (name, size) pairs, got {len(sizes)}"


def test_sizes_are_getsizeof():
    assert dict(sizes)["float"] == sys.getsizeof(3.14), "the float's size is not sys.getsizeof(3.14)"
    assert dict(sizes)["list"] == sys.getsizeof([1, 2, 3]), "the list's size is wrong"


def test_smallest_first():
    values = [size for name, size in sizes]
    assert values == sorted(values), f"sizes are not in increasing order: {values}"

def test_alternating_keeps_half():
    assert curr_a > 100 * 1024, f"deleting every other list should keep about half: {curr_a}"


def test_bulk_frees_almost_everything():
    assert curr_b < curr_a / 10, f"bulk delete should free nearly all: {curr_b} vs {curr_a}"


def test_peaks_cover_current():
    assert peak_a >= curr_a and peak_b >= curr_b, "a peak is below its current value"

def test_recorded_every_id():
    assert len(old_ids) == 1000, f"old_ids holds {len(old_ids)} addresses, not 1000"


def test_every_address_reused():
    assert reused == 1000, f"expected all 1000 freed addresses to be reused, counted {reused}"

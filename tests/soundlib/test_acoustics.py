"""soundlib.acoustics: the modes of a rectangular room (Module 1's worked example)."""

import pytest

from soundlib.acoustics import SPEED_OF_SOUND, mode_frequency, room_modes


def test_the_lessons_room():
    modes = room_modes(5.0, 4.0, 2.5, 100.0)
    axial = [(round(f, 1), order) for f, order, kind in modes if kind == "axial"]
    assert axial == [(34.3, (1, 0, 0)), (42.9, (0, 1, 0)), (68.6, (0, 0, 1)),
                     (68.6, (2, 0, 0)), (85.8, (0, 2, 0))]
    assert SPEED_OF_SOUND == 343.0
    assert {kind for _f, _o, kind in room_modes(5.0, 4.0, 2.5, 300.0)} == {
        "axial", "tangential", "oblique"}


def test_the_order_limit_follows_the_room():
    # a 12 m room has axial modes up to n = 20 below 300 Hz (20 * 343 / 24 = 285.8 Hz)
    modes = room_modes(12.0, 3.0, 3.0, 300.0)
    assert max(order[0] for _f, order, _k in modes) == 20
    assert mode_frequency((1, 1, 1), 5, 4, 2.5) == pytest.approx(
        171.5 * (0.2 ** 2 + 0.25 ** 2 + 0.4 ** 2) ** 0.5)


def test_bad_dimensions():
    with pytest.raises(ValueError):
        room_modes(0.0, 4.0, 2.5, 100.0)

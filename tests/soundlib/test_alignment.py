"""soundlib.alignment: the speed of sound and a delay tower's timing (Module 9)."""

import pytest

from soundlib import alignment


def test_speed_of_sound_at_the_lessons_temperatures():
    assert alignment.speed_of_sound(20) == pytest.approx(343.2, abs=0.05)
    assert alignment.speed_of_sound(30) == pytest.approx(349.0, abs=0.05)
    assert alignment.speed_of_sound(10) == pytest.approx(337.3, abs=0.05)
    with pytest.raises(ValueError, match="absolute zero"):
        alignment.speed_of_sound(-300)


def test_the_worked_example_tower():
    assert alignment.travel_ms(40, 30) == pytest.approx(114.6, abs=0.05)
    assert alignment.travel_ms(40, 10) == pytest.approx(118.6, abs=0.05)
    assert alignment.tower_delay_ms(40) == pytest.approx(126.5, abs=0.05)
    main, tower = alignment.arrivals_ms(40, 10, 20, alignment.tower_delay_ms(40))
    assert tower - main == pytest.approx(10.0, abs=1e-9)
    main, tower = alignment.arrivals_ms(40, 10, 20, 0.0)
    assert main - tower == pytest.approx(116.5, abs=0.05)
    with pytest.raises(ValueError, match="negative"):
        alignment.travel_ms(-1)

"""Speaker delay alignment (Module 9, "Delay towers and the precedence effect").

The speed of sound rises with air temperature, ``c ≈ 331.3·√(1 + T/273.15)`` m/s
(343.2 m/s at 20 °C), and a delay speaker is delayed by the main system's travel time to it
plus a precedence offset, so that the main system's sound arrives first and the listener
localizes to the stage.
"""

from __future__ import annotations

import math

__all__ = ["speed_of_sound", "travel_ms", "tower_delay_ms", "arrivals_ms"]


def speed_of_sound(temp_c: float = 20.0) -> float:
    """Speed of sound in dry air (m/s) at ``temp_c`` degrees Celsius:
    ``331.3·√(1 + T/273.15)``; 343.2 m/s at 20 °C, 349.0 at 30 °C, 337.3 at 10 °C."""
    if temp_c <= -273.15:
        raise ValueError(f"temperature must be above absolute zero, got {temp_c} °C")
    return 331.3 * math.sqrt(1.0 + temp_c / 273.15)


def travel_ms(distance_m: float, temp_c: float = 20.0) -> float:
    """Travel time of sound over ``distance_m`` metres, in milliseconds."""
    if distance_m < 0:
        raise ValueError(f"distance must not be negative, got {distance_m} m")
    return 1000.0 * distance_m / speed_of_sound(temp_c)


def tower_delay_ms(tower_m: float, temp_c: float = 20.0, precedence_ms: float = 10.0) -> float:
    """The delay for a speaker ``tower_m`` metres in front of the main system:
    ``distance / c + precedence offset`` (40 m at 20 °C plus 10 ms: 126.6 ms)."""
    return travel_ms(tower_m, temp_c) + precedence_ms


def arrivals_ms(tower_m: float, behind_m: float, temp_c: float = 20.0,
                delay_ms: float = 0.0) -> tuple[float, float]:
    """Arrival times (ms) at a listener ``behind_m`` metres behind the tower, of the main
    system's sound and of the tower's sound when the tower is delayed by ``delay_ms``."""
    main = travel_ms(tower_m + behind_m, temp_c)
    tower = delay_ms + travel_ms(behind_m, temp_c)
    return main, tower

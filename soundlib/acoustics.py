"""Room acoustics formulas: the modes of a rectangular room.

``SPEED_OF_SOUND`` is the course's value for air at 20 °C (343 m/s, Module 1).
"""

from __future__ import annotations

import itertools
import math

__all__ = ["SPEED_OF_SOUND", "mode_frequency", "room_modes"]

#: Speed of sound in air at 20 °C, m/s (the value every module uses).
SPEED_OF_SOUND = 343.0

KINDS = {2: "axial", 1: "tangential", 0: "oblique"}


def mode_frequency(order: tuple[int, int, int], length: float, width: float, height: float,
                   c: float = SPEED_OF_SOUND) -> float:
    """f = (c/2)·sqrt((nx/L)² + (ny/W)² + (nz/H)²) for mode ``order = (nx, ny, nz)``."""
    nx, ny, nz = order
    return c / 2 * math.sqrt((nx / length) ** 2 + (ny / width) ** 2 + (nz / height) ** 2)


def room_modes(length: float, width: float, height: float, fmax: float,
               c: float = SPEED_OF_SOUND,
               max_order: int | None = None) -> list[tuple[float, tuple, str]]:
    """Every mode of a rectangular room up to ``fmax`` Hz, sorted by frequency (ties by
    order): ``[(freq, (nx, ny, nz), kind), ...]`` with kind ``"axial"`` (one index not zero),
    ``"tangential"`` (two) or ``"oblique"`` (three). ``max_order`` (the highest index tried)
    defaults to the highest that can lie below ``fmax``: 2·fmax·(longest dimension)/c."""
    if min(length, width, height) <= 0:
        raise ValueError("room dimensions must be positive")
    if max_order is None:
        max_order = math.floor(2 * fmax * max(length, width, height) / c)
    modes = []
    for order in itertools.product(range(max_order + 1), repeat=3):
        if order == (0, 0, 0):
            continue
        freq = mode_frequency(order, length, width, height, c)
        if freq <= fmax:
            modes.append((freq, order, KINDS[sum(n == 0 for n in order)]))
    return sorted(modes)

"""Static curves: output level against input level for compression and expansion."""

from __future__ import annotations

import numpy as np


def gain_computer(level_db, threshold_db, ratio, knee_db=0.0):
    """Static compression curve: output level (dB) for an input level (dB).

    With threshold ``T``, ratio ``R`` and knee width ``W`` (all in dB; Giannoulis et al.,
    eq. 4):

    - below the knee, ``2 (x - T) < -W``: ``y = x`` (no change);
    - inside the knee, ``2 |x - T| <= W``:
      ``y = x + (1/R - 1) (x - T + W/2)^2 / (2 W)`` (a quadratic that joins the two lines
      smoothly, so the ratio grows gradually from 1:1 to R:1);
    - above the knee, ``2 (x - T) > W``: ``y = T + (x - T) / R``.

    ``ratio = np.inf`` gives a limiter curve (``y = T`` above the threshold). Example: input
    −10 dB, threshold −20 dB, ratio 4:1, hard knee: ``y = −20 + 10 / 4 = −17.5 dB``, i.e.
    2.5 dB out for every 10 dB in above the threshold, and 7.5 dB of gain reduction.

    Works element-wise on scalars or arrays; returns a float for scalar input.
    """
    if ratio < 1:
        raise ValueError("ratio must be >= 1 (use expand() for ratios below 1:1)")
    x = np.asarray(level_db, dtype=np.float64)
    slope = 0.0 if np.isinf(ratio) else 1.0 / ratio
    over = x - threshold_db
    y = np.where(over > 0, threshold_db + over * slope, x)
    if knee_db > 0:
        inside = 2.0 * np.abs(over) <= knee_db
        knee_curve = x + (slope - 1.0) * (over + knee_db / 2.0) ** 2 / (2.0 * knee_db)
        y = np.where(inside, knee_curve, y)
    return float(y) if y.ndim == 0 else y


def expander_gain_computer(level_db, threshold_db, ratio=2.0, range_db=-80.0):
    """Static downward-expansion curve: output level (dB) for an input level (dB).

    Below the threshold ``T`` every dB of level drop becomes ``ratio`` dB of output drop:
    ``y = T + R (x - T)`` for ``x < T``, ``y = x`` above. The gain change ``y - x`` is
    limited to ``range_db`` (an expander with an infinite ratio and a range is a gate).
    Example: ratio 2:1, threshold −40 dB, input −50 dB → output −60 dB (gain −10 dB).
    """
    if ratio < 1:
        raise ValueError("ratio must be >= 1 (it is the slope below the threshold)")
    x = np.asarray(level_db, dtype=np.float64)
    gain = np.where(x < threshold_db, (ratio - 1.0) * (x - threshold_db), 0.0)
    y = x + np.maximum(gain, range_db)
    return float(y) if y.ndim == 0 else y

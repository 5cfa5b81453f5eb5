"""The noise gate and the downward expander."""

from __future__ import annotations

import numpy as np
from scipy.ndimage import maximum_filter1d

from soundlib import SR
from soundlib.dynamics.curves import expander_gain_computer
from soundlib.dynamics.detect import (
    as_columns,
    restore_shape,
    smooth_branching,
    smoothing_coeff,
    trailing_filter,
    windowed_peak_db,
)


def gate(
    x,
    threshold_db,
    attack_ms=1.0,
    hold_ms=20.0,
    release_ms=100.0,
    range_db=-80.0,
    *,
    sr=SR,
    detect_ms=10.0,
):
    """Noise gate: silences (by ``range_db``) everything whose level stays below the threshold.

    - ``threshold_db``: the gate opens while the detected peak level is above it;
    - ``attack_ms``: how fast it opens (time constant of the gain rising, in dB);
    - ``hold_ms``: how long it stays fully open after the level falls below the threshold,
      so it does not chatter on decaying notes or between the cycles of low notes;
    - ``release_ms``: how fast it closes afterwards (time constant of the gain falling);
    - ``range_db``: the attenuation when closed (−80 dB ≈ off; −10 dB is a gentle
      "downward expander"-style gate that only lowers spill).

    Detector: the linked peak level over the last ``detect_ms`` (10 ms by default; this
    window also lengthens the effective hold by up to ``detect_ms``). The gain
    moves between 0 dB and ``range_db`` along a one-pole curve in dB, which sounds like a
    smooth fade rather than a click. Returns the same shape as ``x``.
    """
    x2, mono = as_columns(x)
    if x2.shape[0] == 0:
        return restore_shape(x2.copy(), mono)
    level = windowed_peak_db(x2, detect_ms, sr)
    is_open = (level > threshold_db).astype(np.float64)
    hold_n = max(1, int(round(hold_ms * 1e-3 * sr)) + 1)
    is_open = trailing_filter(is_open, hold_n, maximum_filter1d)
    target_db = np.where(is_open > 0.5, 0.0, float(range_db))
    g_db = smooth_branching(target_db, smoothing_coeff(attack_ms, sr),
                            smoothing_coeff(release_ms, sr))
    return restore_shape(x2 * (10.0 ** (g_db / 20.0))[:, None], mono)


def expand(
    x,
    threshold_db,
    ratio=2.0,
    attack_ms=1.0,
    release_ms=100.0,
    *,
    sr=SR,
    range_db=-80.0,
    detect_ms=10.0,
):
    """Downward expander: makes quiet passages quieter, leaves loud ones alone.

    Below ``threshold_db`` each dB the level falls becomes ``ratio`` dB at the output (2:1 by
    default; see :func:`expander_gain_computer`), down to at most ``range_db`` of
    attenuation. It lowers background noise and spill more gently than a gate.
    ``attack_ms`` is how fast the gain returns to 0 dB when the level rises, ``release_ms``
    how fast attenuation builds when it falls. Detector as in :func:`gate`.
    """
    x2, mono = as_columns(x)
    if x2.shape[0] == 0:
        return restore_shape(x2.copy(), mono)
    level = windowed_peak_db(x2, detect_ms, sr)
    target_db = expander_gain_computer(level, threshold_db, ratio, range_db) - level
    g_db = smooth_branching(target_db, smoothing_coeff(attack_ms, sr),
                            smoothing_coeff(release_ms, sr))
    return restore_shape(x2 * (10.0 ** (g_db / 20.0))[:, None], mono)

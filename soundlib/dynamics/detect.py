"""Detectors and ballistics shared by the processors: linked levels in dB, one-pole
smoothing with separate attack and release, running minimum and maximum."""

from __future__ import annotations

import numpy as np
from scipy.ndimage import maximum_filter1d

FLOOR_DB = -240.0  # level reported for digital silence (avoids log10(0))


def as_columns(x):
    """Return ``(x2, was_mono)`` with ``x2`` shaped ``(n, channels)``."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 1:
        return x[:, None], True
    if x.ndim == 2:
        return x, False
    raise ValueError("expected a mono (n,) or multichannel (n, c) array")


def restore_shape(y2, was_mono):
    return y2[:, 0] if was_mono else y2


def linked_abs(x2):
    """Linked peak detector input: the larger absolute sample of all channels."""
    return np.max(np.abs(x2), axis=1)


def to_db(a):
    """Amplitude to dB with a floor for digital silence."""
    with np.errstate(divide="ignore"):
        out = 20.0 * np.log10(np.abs(a))
    return np.maximum(out, FLOOR_DB)


def smoothing_coeff(ms, sr):
    """One-pole smoothing coefficient for a time constant of ``ms`` milliseconds.

    ``alpha = exp(-1 / (tau * sr))``; ``ms <= 0`` gives 0 (instantaneous).
    """
    if ms is None or ms <= 0:
        return 0.0
    return float(np.exp(-1.0 / (ms * 1e-3 * sr)))


def smooth_branching(target, alpha_up, alpha_down, initial=None):
    """Branching one-pole smoother (Giannoulis et al., eq. 17, "smooth branching" detector).

    ``y[n] = y[n-1] + (1 - alpha) * (target[n] - y[n-1])`` where ``alpha`` is ``alpha_up``
    while the target is above the current value and ``alpha_down`` otherwise.

    The recursion depends on its own output through the branch, so it cannot be written as
    one linear filter; it runs as a plain Python loop over a list of floats, which costs
    roughly 0.1 s per million samples. Only the (mono, linked) control signal goes through
    it, never the audio channels.
    """
    t = np.asarray(target, dtype=np.float64)
    if t.size == 0:
        return t.copy()
    cu = 1.0 - alpha_up
    cd = 1.0 - alpha_down
    y = float(t[0]) if initial is None else float(initial)
    out = []
    append = out.append
    for v in t.tolist():
        if v > y:
            y += cu * (v - y)
        else:
            y += cd * (v - y)
        append(y)
    return np.asarray(out)


def trailing_filter(x, length, func):
    """Running min/max over the trailing window ``x[n - length + 1 .. n]`` (O(n))."""
    length = int(length)
    if length <= 1:
        return np.asarray(x, dtype=np.float64).copy()
    # pad the front with copies of the first value so the window is always full
    xp = np.concatenate([np.full(length - 1, x[0]), x])
    # scipy centres the window; this origin moves it so it ends at the current sample
    origin = (length - 1) - length // 2
    y = func(xp, size=length, origin=origin, mode="nearest")
    return y[length - 1:]


def windowed_peak_db(x2, window_ms, sr):
    """Linked peak level in dBFS: the largest |sample| over the last ``window_ms``.

    A 10 ms window holds at least one peak of any waveform above 50 Hz (|sin| has a period of
    half a cycle), so the level does not collapse at every zero crossing the way the
    instantaneous |x| does. Used by the gate and the expander, whose gain computers act
    *below* the threshold and would otherwise chatter at each zero crossing.
    """
    n = max(1, int(round(window_ms * 1e-3 * sr)))
    return to_db(trailing_filter(linked_abs(x2), n, maximum_filter1d))

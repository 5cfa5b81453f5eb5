"""Levels: RMS, peak, loudness (BS.1770), true peak, crest factor, and how to pick what to
measure (a time segment; the mix, one channel, the mono sum or the side signal)."""

from __future__ import annotations

import math

import numpy as np

from soundlib import SR

FLOOR_DB = -200.0


def _db_power(p: float) -> float:
    return 10.0 * math.log10(p) if p > 1e-20 else FLOOR_DB


def _as_array(x) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 2 and x.shape[1] == 1:
        x = x[:, 0]
    if not (x.ndim == 1 or (x.ndim == 2 and x.shape[1] == 2)):
        raise ValueError(f"expected mono (n,) or stereo (n, 2) audio, got shape {x.shape}")
    return x


def segment(x, sr: int = SR, start: float | None = None, end: float | None = None) -> np.ndarray:
    """The samples from ``start`` to ``end`` seconds (None: the beginning / the end; a
    negative value counts from the end)."""
    x = _as_array(x)
    n = len(x)

    def index(t, default):
        if t is None:
            return default
        i = int(round(t * sr))
        return max(0, min(n, n + i if t < 0 else i))

    a, b = index(start, 0), index(end, n)
    if b <= a:
        raise ValueError(f"empty segment {start}..{end} s of a {n / sr:.2f} s signal")
    return x[a:b]


def view(x, how: str = "mix") -> np.ndarray:
    """``mix`` (unchanged), ``left``, ``right``, ``mono`` ((L + R) / 2) or ``side``
    ((L − R) / 2). A mono signal is its own left, right and mono; its side is silence."""
    x = _as_array(x)
    if how == "mix":
        return x
    if x.ndim == 1:
        return np.zeros_like(x) if how == "side" else x
    ways = {
        "left": lambda: x[:, 0],
        "right": lambda: x[:, 1],
        "mono": lambda: 0.5 * (x[:, 0] + x[:, 1]),
        "side": lambda: 0.5 * (x[:, 0] - x[:, 1]),
    }
    if how not in ways:
        raise ValueError(f"unknown view {how!r}; use one of mix, {', '.join(ways)}")
    return ways[how]()


def _power(x: np.ndarray) -> float:
    """Mean power per channel (stereo: the mean of the two channels' powers)."""
    return float(np.mean(np.square(x))) if x.size else 0.0


def rms_db(x, sr: int = SR) -> float:
    """RMS level in dBFS (a full-scale sine reads −3.01 dB)."""
    return _db_power(_power(_as_array(x)))


def peak_db(x, sr: int = SR) -> float:
    """Sample-peak level in dBFS."""
    x = _as_array(x)
    p = float(np.max(np.abs(x))) if x.size else 0.0
    return 20.0 * math.log10(p) if p > 0 else FLOOR_DB


def lufs(x, sr: int = SR) -> float:
    """Integrated loudness (ITU-R BS.1770, ``soundlib.loudness``) in LUFS; silence FLOOR_DB."""
    from soundlib.loudness import integrated_lufs

    value = integrated_lufs(_as_array(x), sr)
    return value if math.isfinite(value) else FLOOR_DB


def true_peak_db(x, sr: int = SR) -> float:
    """True peak (BS.1770 Annex 2, ``soundlib.loudness``) in dBTP."""
    from soundlib.loudness import true_peak_dbtp

    value = true_peak_dbtp(_as_array(x), sr)
    return value if math.isfinite(value) else FLOOR_DB


def crest_factor_db(x, sr: int = SR) -> float:
    """Sample peak minus RMS level, in dB: lower means more compressed."""
    return peak_db(x, sr) - rms_db(x, sr)


def peak_to_loudness_db(x, sr: int = SR) -> float:
    """Peak-to-loudness ratio (PLR): true peak in dBTP minus integrated loudness in LUFS."""
    return true_peak_db(x, sr) - lufs(x, sr)


def channel_difference_db(x, sr: int = SR) -> float:
    """Left RMS level minus right RMS level, in dB (positive: the left is louder)."""
    return rms_db(view(x, "left"), sr) - rms_db(view(x, "right"), sr)


def duration_s(x, sr: int = SR) -> float:
    """Length in seconds."""
    return len(_as_array(x)) / sr


def residual_db(x, sr: int = SR, ref=None) -> float:
    """Level of what is left of ``x`` after subtracting the best-scaled copy of ``ref``,
    relative to ``x`` (dB): very negative means ``x`` is ``ref`` at another gain."""
    x, r = _as_array(x), _as_array(ref)
    n = min(len(x), len(r))
    x, r = x[:n].reshape(n, -1), r[:n].reshape(n, -1)
    if x.shape[1] != r.shape[1]:
        x, r = x.mean(axis=1, keepdims=True), r.mean(axis=1, keepdims=True)
    g = float((x * r).sum() / max((r * r).sum(), 1e-30))
    return _db_power(_power(x - g * r)) - _db_power(_power(x))


def max_correlation(x, sr: int = SR, ref=None) -> float:
    """The peak of the normalized cross-correlation of the mono sums of ``x`` and ``ref``
    (0: nothing in common; 1: ``x`` contains ``ref`` unchanged and nothing else)."""
    from scipy.signal import correlate

    a = np.asarray(view(x, "mono"), dtype=np.float64)
    b = np.asarray(view(ref, "mono"), dtype=np.float64)
    c = correlate(a, b, mode="full", method="fft")
    return float(np.max(np.abs(c)) / math.sqrt(float((a * a).sum() * (b * b).sum()) or 1e-30))

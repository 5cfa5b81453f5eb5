"""Spectra: band levels and shares, brightness, mono loss and side level per band, the
transfer between two versions of a sound, harmonicity. Welch averages from ``scipy.signal``."""

from __future__ import annotations

import math

import numpy as np

from soundlib import SR
from soundlib.analysis.levels import _as_array, _db_power, rms_db, view


def _spectrum(x, sr: int, resolution_hz: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    """Welch power spectrum (power per bin, summed over bins = mean power), per channel mean."""
    from scipy.signal import welch

    x = _as_array(x)
    nper = int(2 ** math.ceil(math.log2(max(256, sr / resolution_hz))))
    nper = min(nper, len(x))
    f, p = welch(x, fs=sr, window="hann", nperseg=nper, axis=0, scaling="spectrum",
                 detrend=False)
    if p.ndim == 2:
        p = p.mean(axis=1)
    return f, p


def band_level_db(x, sr: int = SR, lo: float = 20.0, hi: float | None = None,
                  resolution_hz: float = 2.0) -> float:
    """Level of the band ``lo``..``hi`` Hz in dBFS (power of the band as an RMS level;
    ``hi`` None: up to Nyquist)."""
    f, p = _spectrum(x, sr, resolution_hz)
    hi = sr / 2 if hi is None else hi
    band = (f >= lo) & (f <= hi)
    # Welch "spectrum" scaling with a Hann window: divide by the window's noise bandwidth
    # (1.5 bins) so that the sum over a band is the band's mean power.
    return _db_power(float(p[band].sum()) / 1.5)


def band_share_db(x, sr: int = SR, lo: float = 20.0, hi: float | None = None,
                  resolution_hz: float = 2.0) -> float:
    """The band's level relative to the whole signal's level, in dB (a balance measure that
    does not depend on the overall gain, so it suits loudness-matched pairs)."""
    return band_level_db(x, sr, lo, hi, resolution_hz) - rms_db(x, sr)


def spectral_centroid_hz(x, sr: int = SR, lo: float = 20.0, hi: float | None = None) -> float:
    """Power-weighted mean frequency of ``lo``..``hi`` Hz ("brightness")."""
    f, p = _spectrum(x, sr, 5.0)
    hi = sr / 2 if hi is None else hi
    band = (f >= lo) & (f <= hi)
    total = float(p[band].sum())
    return float((f[band] * p[band]).sum() / total) if total > 0 else 0.0


def mono_loss_db(x, sr: int = SR, lo: float = 20.0, hi: float | None = None) -> float:
    """Band level of the mono sum (L + R) / 2 minus the band level of the stereo channels.

    0 dB: the channels are identical in that band; −3 dB: unrelated; very negative: they
    cancel in mono (opposite polarity)."""
    return band_level_db(view(x, "mono"), sr, lo, hi) - band_level_db(x, sr, lo, hi)


def side_to_mid_db(x, sr: int = SR, lo: float = 20.0, hi: float | None = None) -> float:
    """Band level of the side (L − R) / 2 minus that of the mid (L + R) / 2, in dB."""
    return band_level_db(view(x, "side"), sr, lo, hi) - band_level_db(view(x, "mono"), sr, lo, hi)


def peak_frequency_hz(x, sr: int = SR, lo: float = 20.0, hi: float | None = None) -> float:
    """Frequency of the strongest spectral bin between ``lo`` and ``hi`` Hz."""
    f, p = _spectrum(x, sr, 1.0)
    hi = sr / 2 if hi is None else hi
    band = (f >= lo) & (f <= hi)
    return float(f[band][np.argmax(p[band])])


def band_filter(x, sr: int = SR, lo: float | None = None, hi: float | None = None) -> np.ndarray:
    """``x`` with everything outside ``lo``..``hi`` Hz removed (zero-phase FFT brick wall,
    for measurement only)."""
    x = _as_array(x)
    spec = np.fft.rfft(x, axis=0)
    f = np.fft.rfftfreq(len(x), 1.0 / sr)
    keep = np.ones_like(f, dtype=bool)
    if lo is not None:
        keep &= f >= lo
    if hi is not None:
        keep &= f <= hi
    spec[~keep] = 0
    return np.fft.irfft(spec, n=len(x), axis=0)


def transfer_db(x, sr: int = SR, ref=None, lo: float = 20.0, hi: float | None = None,
                norm_lo: float | None = None, norm_hi: float | None = None) -> float:
    """How much louder the band ``lo``..``hi`` is in ``x`` than in ``ref`` (dB), minus the same
    difference in the band ``norm_lo``..``norm_hi`` if given (so an overall gain cancels)."""
    value = band_level_db(x, sr, lo, hi) - band_level_db(ref, sr, lo, hi)
    if norm_lo is not None:
        value -= band_level_db(x, sr, norm_lo, norm_hi) - band_level_db(ref, sr, norm_lo, norm_hi)
    return value


def transfer_extreme_db(x, sr: int = SR, ref=None, lo: float = 100.0, hi: float = 8000.0,
                        which: str = "max", smooth_hz: float = 60.0) -> float:
    """The largest (``which="max"``) or smallest (``"min"``) value, over ``lo``..``hi`` Hz, of
    the power ratio of ``x`` to ``ref`` in dB, smoothed over ``smooth_hz``: the peaks and
    notches of a comb filter applied to ``ref``."""
    f, px = _spectrum(x, sr, 10.0)
    _, pr = _spectrum(ref, sr, 10.0)
    k = max(1, int(round(smooth_hz / (f[1] - f[0]))))
    kernel = np.ones(k) / k
    ratio = np.convolve(px, kernel, "same") / np.maximum(np.convolve(pr, kernel, "same"), 1e-30)
    band = (f >= lo) & (f <= hi)
    db = 10.0 * np.log10(np.maximum(ratio[band], 1e-30))
    return float(db.max() if which == "max" else db.min())


def harmonic_share_db(x, sr: int = SR, f0: float = 440.0, tolerance_hz: float = 8.0) -> float:
    """The share of the power (20 Hz up) that lies within ``tolerance_hz`` of a whole multiple
    of ``f0``, in dB: near 0 dB for a harmonic tone, well below for an inharmonic (bell-like)
    one."""
    f, p = _spectrum(x, sr, 2.0)
    keep = f >= 20.0
    f, p = f[keep], p[keep]
    k = np.maximum(np.round(f / f0), 1)
    near = np.abs(f - k * f0) <= tolerance_hz
    return _db_power(float(p[near].sum()) / max(float(p.sum()), 1e-30))

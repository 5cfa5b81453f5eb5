"""Loudness and peak measurement (ITU-R BS.1770-4, EBU R 128) and loudness normalization.

- Integrated loudness in LUFS: K-weighting, 400 ms blocks with 75 % overlap, an absolute
  gate at -70 LUFS and a relative gate 10 LU below the ungated level, as specified in
  ITU-R BS.1770-4 (measured with ``pyloudnorm``).
- True peak in dBTP: the peak of the signal oversampled four times (BS.1770-4, Annex 2),
  which catches the inter-sample peaks a sample-peak meter misses.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from soundlib import SR
from soundlib.dsp import as_audio, gain_to_db, peak_dbfs

__all__ = [
    "integrated_lufs", "true_peak_dbtp", "sample_peak_dbfs", "normalize", "normalize_report",
]

_BLOCK_S = 0.4  # BS.1770 gating block length


def integrated_lufs(x, sr: int = SR) -> float:
    """Integrated (gated) loudness of ``x`` in LUFS, per ITU-R BS.1770-4.

    Mono is measured as one channel; stereo as left + right with channel weights of 1.0
    (so a stereo signal with the same content in both channels reads 3.01 LU louder than
    either channel alone). A full-scale 1 kHz sine in mono reads about -3.0 LUFS.
    Silence (or anything below the -70 LUFS absolute gate) returns ``-inf``.

    Raises ``ValueError`` if the signal is shorter than one 400 ms gating block.
    """
    import pyloudnorm

    x = as_audio(x)
    if len(x) < _BLOCK_S * sr:
        raise ValueError(
            f"integrated loudness needs at least 0.4 s of audio (one BS.1770 gating "
            f"block); got {len(x) / sr:.3f} s. Pad the signal with silence "
            f"(soundlib.dsp.pad) to measure a short sound."
        )
    if not np.any(x):
        return float("-inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value = float(pyloudnorm.Meter(sr).integrated_loudness(x))
    return value if math.isfinite(value) else float("-inf")


def true_peak_dbtp(x, sr: int = SR) -> float:
    """True-peak level in dBTP, per ITU-R BS.1770-4 Annex 2.

    Each channel is oversampled four times with a polyphase FIR interpolator
    (``scipy.signal.resample_poly`` with a 193-tap Kaiser-windowed sinc, beta 8, cut off at
    the original Nyquist frequency: flat within 0.001 dB up to 20 kHz and at least 82 dB
    down from 27 kHz, at 48 kHz) and the largest absolute value of any channel, oversampled
    or original, is reported as ``20 * log10(peak)``. Like any four-times meter it can
    under-read peaks of content near Nyquist by a fraction of a dB (BS.1770-4 Annex 2). A sine
    at ``sr / 4`` sampled 45 degrees off its peaks has a sample peak of -3.01 dBFS but a
    true peak of 0 dBTP. Silence returns ``-inf``.
    """
    from scipy.signal import firwin, resample_poly

    x = as_audio(x)
    if x.size == 0 or not np.any(x):
        return float("-inf")
    taps = firwin(193, sr / 2, window=("kaiser", 8.0), fs=4 * sr)  # resample_poly scales by 4
    up = resample_poly(x, 4, 1, axis=0, window=taps)
    peak = max(np.max(np.abs(up)), np.max(np.abs(x)))
    return float(gain_to_db(peak))


def sample_peak_dbfs(x) -> float:
    """Sample-peak level in dBFS: ``20 * log10(max |x|)`` over all channels; silence -inf.

    The same measurement as ``soundlib.dsp.peak_dbfs``, offered here beside the true peak."""
    return peak_dbfs(x)


def normalize_report(x, target_lufs: float = -20.0, ceiling_dbtp: float = -1.0,
                     sr: int = SR) -> tuple[np.ndarray, dict]:
    """Scale ``x`` to ``target_lufs`` integrated loudness without exceeding ``ceiling_dbtp``.

    A single gain is applied (no compression or limiting, so the dynamics are unchanged).
    If the gain that reaches the target would push the true peak above the ceiling, the
    gain is reduced so the true peak sits exactly at the ceiling, and the result is quieter
    than the target: ``limited`` is then True.

    Returns ``(y, report)`` where ``report`` has ``gain_db`` (the gain applied),
    ``lufs`` (measured loudness of ``y``), ``true_peak_dbtp`` (of ``y``) and ``limited``.
    Silence is returned unchanged with ``gain_db = 0``. Raises ``ValueError`` for signals
    shorter than 0.4 s (see ``integrated_lufs``).
    """
    x = as_audio(x)
    lufs = integrated_lufs(x, sr)
    tp = true_peak_dbtp(x, sr)
    if not math.isfinite(lufs) or not math.isfinite(tp):
        return x.copy(), {"gain_db": 0.0, "lufs": lufs, "true_peak_dbtp": tp, "limited": False}
    gain_db = target_lufs - lufs
    # The absolute gate (-70 LUFS) does not scale with the signal, so for very quiet or
    # sparse signals the loudness after the gain may differ slightly; correct it.
    for _ in range(3):
        new = integrated_lufs(x * 10.0 ** (gain_db / 20.0), sr)
        if not math.isfinite(new) or abs(new - target_lufs) < 0.005:
            break
        gain_db += target_lufs - new
    limited = tp + gain_db > ceiling_dbtp
    if limited:
        gain_db = ceiling_dbtp - tp
    y = x * 10.0 ** (gain_db / 20.0)
    report = {
        "gain_db": float(gain_db),
        "lufs": integrated_lufs(y, sr),
        "true_peak_dbtp": true_peak_dbtp(y, sr),
        "limited": bool(limited),
    }
    return y, report


def normalize(x, target_lufs: float = -20.0, ceiling_dbtp: float = -1.0,
              sr: int = SR) -> np.ndarray:
    """Loudness-normalize ``x`` to ``target_lufs`` with a true-peak ceiling of
    ``ceiling_dbtp``; returns only the array. See ``normalize_report`` for the rules and
    for a report of the gain applied and whether the ceiling limited it."""
    return normalize_report(x, target_lufs, ceiling_dbtp, sr)[0]

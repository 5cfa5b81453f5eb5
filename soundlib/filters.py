"""Filters: RBJ Audio EQ Cookbook biquads, comb filters, Butterworth low- and high-pass.

The biquads follow Robert Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter
coefficients" (the Audio EQ Cookbook, also published as a W3C Working Group Note). With

    w0 = 2*pi*freq/sr,   alpha = sin(w0) / (2*q),   A = 10**(gain_db/40)

each kind has the transfer function

    H(z) = (b0 + b1 z^-1 + b2 z^-2) / (a0 + a1 z^-1 + a2 z^-2),

normalized here so that a0 = 1. Stereo input is filtered channel by channel.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import signal as _sig

from soundlib import SR
from soundlib.dsp import as_audio

__all__ = ["BIQUAD_KINDS", "biquad", "biquad_coefficients", "comb", "lowpass", "highpass"]

BIQUAD_KINDS = (
    "lowpass", "highpass", "bandpass", "notch", "peak", "lowshelf", "highshelf", "allpass",
)


def _check_freq(freq: float, sr: int) -> None:
    if not 0 < freq < sr / 2:
        raise ValueError(
            f"filter frequency must be between 0 and the Nyquist frequency {sr / 2:g} Hz, "
            f"got {freq} Hz"
        )


def biquad_coefficients(kind: str, freq: float, q: float = 0.7071, gain_db: float = 0.0,
                        sr: int = SR) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients ``(b, a)`` of an RBJ Audio EQ Cookbook biquad, normalized to ``a[0] = 1``.

    ``kind`` is one of:

    - ``"lowpass"``, ``"highpass"``: 12 dB/octave slopes. ``q`` sets the response at
      ``freq``: its gain there is exactly ``20*log10(q)`` dB, so q = 0.7071 (Butterworth,
      maximally flat) gives -3.01 dB at ``freq``; higher q gives a resonant bump.
    - ``"bandpass"``: the cookbook's constant 0 dB peak gain form; 0 dB at ``freq``, and
      about ``freq / q`` hertz between the -3 dB points (exact for the analog prototype;
      the bilinear transform narrows it slightly toward Nyquist). q = 0.7071 spans about
      1.9 octaves.
    - ``"notch"``: full cancellation at ``freq``, 0 dB far away; about ``freq / q`` hertz
      wide between its -3 dB points.
    - ``"peak"`` (peaking EQ, a "bell"): ``gain_db`` at ``freq`` exactly, 0 dB far away.
    - ``"lowshelf"``, ``"highshelf"``: ``gain_db`` below (above) ``freq``, 0 dB on the other
      side, ``gain_db / 2`` at ``freq`` itself. The cookbook's shelf slope S relates to q by
      ``1/q**2 = (A + 1/A) * (1/S - 1) + 2``; q = 0.7071 is S = 1, the steepest slope
      without overshoot.
    - ``"allpass"``: 0 dB at all frequencies; the phase turns through 360 degrees, -180 at
      ``freq``.

    ``gain_db`` is used only by ``peak``, ``lowshelf`` and ``highshelf``.
    """
    if kind not in BIQUAD_KINDS:
        raise ValueError(f"unknown biquad kind {kind!r}; choose one of {', '.join(BIQUAD_KINDS)}")
    _check_freq(freq, sr)
    if q <= 0:
        raise ValueError(f"q must be positive, got {q}")
    w0 = 2.0 * math.pi * freq / sr
    cw, sw = math.cos(w0), math.sin(w0)
    alpha = sw / (2.0 * q)
    A = 10.0 ** (gain_db / 40.0)

    if kind == "lowpass":
        b = [(1 - cw) / 2, 1 - cw, (1 - cw) / 2]
        a = [1 + alpha, -2 * cw, 1 - alpha]
    elif kind == "highpass":
        b = [(1 + cw) / 2, -(1 + cw), (1 + cw) / 2]
        a = [1 + alpha, -2 * cw, 1 - alpha]
    elif kind == "bandpass":
        b = [alpha, 0.0, -alpha]
        a = [1 + alpha, -2 * cw, 1 - alpha]
    elif kind == "notch":
        b = [1.0, -2 * cw, 1.0]
        a = [1 + alpha, -2 * cw, 1 - alpha]
    elif kind == "allpass":
        b = [1 - alpha, -2 * cw, 1 + alpha]
        a = [1 + alpha, -2 * cw, 1 - alpha]
    elif kind == "peak":
        b = [1 + alpha * A, -2 * cw, 1 - alpha * A]
        a = [1 + alpha / A, -2 * cw, 1 - alpha / A]
    else:
        sq = 2.0 * math.sqrt(A) * alpha
        if kind == "lowshelf":
            b = [A * ((A + 1) - (A - 1) * cw + sq),
                 2 * A * ((A - 1) - (A + 1) * cw),
                 A * ((A + 1) - (A - 1) * cw - sq)]
            a = [(A + 1) + (A - 1) * cw + sq,
                 -2 * ((A - 1) + (A + 1) * cw),
                 (A + 1) + (A - 1) * cw - sq]
        else:  # highshelf
            b = [A * ((A + 1) + (A - 1) * cw + sq),
                 -2 * A * ((A - 1) + (A + 1) * cw),
                 A * ((A + 1) + (A - 1) * cw - sq)]
            a = [(A + 1) - (A - 1) * cw + sq,
                 2 * ((A - 1) - (A + 1) * cw),
                 (A + 1) - (A - 1) * cw - sq]
    b = np.asarray(b, dtype=np.float64)
    a = np.asarray(a, dtype=np.float64)
    return b / a[0], a / a[0]


def biquad(x, kind: str, freq: float, q: float = 0.7071, gain_db: float = 0.0,
           sr: int = SR) -> np.ndarray:
    """Filter ``x`` with an RBJ cookbook biquad (see ``biquad_coefficients`` for the kinds).

    Direct-form filtering with zero initial state; the output has the input's length and
    shape (stereo channels are filtered independently).
    """
    b, a = biquad_coefficients(kind, freq, q, gain_db, sr)
    return _sig.lfilter(b, a, as_audio(x), axis=0)


def comb(x, delay_ms: float, gain: float = 1.0, feedback: bool = False,
         sr: int = SR) -> np.ndarray:
    """Comb filter: add a delayed copy of the signal to itself.

    The delay is ``D = round(delay_ms * sr / 1000)`` samples (at least 1).

    - Feed-forward (``feedback=False``): ``y[n] = x[n] + gain * x[n - D]``. With gain > 0
      the response has notches at the odd multiples of ``sr / (2 D)`` (about
      ``1 / (2 * delay)``: 1 ms gives 500 Hz, 1.5 kHz, 2.5 kHz, ...) and peaks of
      ``20*log10(1 + gain)`` dB at the multiples of ``sr / D``; with ``gain = 1`` the
      notches are complete and the peaks +6.02 dB. A negative gain swaps peaks and
      notches. This is the sound of a reflection arriving ``delay_ms`` late.
    - Feedback (``feedback=True``): ``y[n] = x[n] + gain * y[n - D]``, a recirculating
      delay; resonant peaks of ``-20*log10(1 - |gain|)`` dB at the multiples of ``sr / D``
      (for gain > 0). Needs ``|gain| < 1`` to be stable.

    The output has the input's length (the tail after the input ends is not appended;
    ``dsp.pad`` the input first to keep it).
    """
    d = max(1, int(round(delay_ms * sr / 1000.0)))
    x = as_audio(x)
    if feedback:
        if not abs(gain) < 1:
            raise ValueError(f"a feedback comb filter needs |gain| < 1 to be stable, got {gain}")
        a = np.zeros(d + 1)
        a[0], a[d] = 1.0, -gain
        return _sig.lfilter([1.0], a, x, axis=0)
    y = x.copy()
    if d < len(x):
        y[d:] += gain * x[:-d]
    return y


def _butter(x, freq: float, order: int, btype: str, sr: int) -> np.ndarray:
    _check_freq(freq, sr)
    if int(order) != order or order < 1:
        raise ValueError(f"order must be a positive integer, got {order}")
    sos = _sig.butter(int(order), freq, btype=btype, fs=sr, output="sos")
    return _sig.sosfilt(sos, as_audio(x), axis=0)


def lowpass(x, freq: float, order: int = 4, sr: int = SR) -> np.ndarray:
    """Butterworth low-pass: maximally flat passband, -3.01 dB at ``freq``, and a slope of
    ``6 * order`` dB/octave above it (order 4: 24 dB/octave). Second-order sections."""
    return _butter(x, freq, order, "lowpass", sr)


def highpass(x, freq: float, order: int = 4, sr: int = SR) -> np.ndarray:
    """Butterworth high-pass: -3.01 dB at ``freq``, ``6 * order`` dB/octave below it
    (order 4: 24 dB/octave). Second-order sections."""
    return _butter(x, freq, order, "highpass", sr)

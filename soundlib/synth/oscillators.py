"""Oscillators: band-limited fixed-pitch waves and a PolyBLEP sawtooth that can glide."""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib import generators as g


def oscillator(freq, seconds, wave="sawtooth", *, sr=SR, phase=0.0, amp=1.0):
    """Band-limited oscillator at a fixed pitch: ``"sawtooth"``, ``"square"``, ``"triangle"``
    (from ``soundlib.generators``, additive below Nyquist, so nothing aliases) or ``"sine"``."""
    if wave == "sine":
        return g.sine(freq, seconds, amp=amp, phase=phase, sr=sr)
    makers = {"sawtooth": g.sawtooth, "saw": g.sawtooth, "square": g.square,
              "triangle": g.triangle}
    if wave not in makers:
        raise ValueError(f"unknown wave {wave!r}")
    return makers[wave](freq, seconds, amp=amp, phase=phase, sr=sr)


def polyblep_saw(freq, *, sr=SR, phase=0.0):
    """Sawtooth whose frequency may change every sample (glides, vibrato), anti-aliased.

    ``freq`` is an array of instantaneous frequencies (Hz), one per sample; the phase is
    their running sum. The naive ramp ``2 p - 1`` jumps once per cycle; PolyBLEP (Välimäki &
    Huovilainen, "Antialiasing Oscillators in Subtractive Synthesis", IEEE Signal Processing
    Magazine 24(2), 2007) replaces the two samples around each jump with a polynomial
    band-limited step, which removes most of the audible aliasing at almost no cost.
    """
    f = np.asarray(freq, dtype=np.float64)
    dt = np.clip(f / sr, 1e-9, 0.5)
    p = (phase / (2 * np.pi) + np.concatenate([[0.0], np.cumsum(dt)[:-1]])) % 1.0
    y = 2.0 * p - 1.0
    lo = p < dt
    u = p[lo] / dt[lo]
    y[lo] -= 2.0 * u - u * u - 1.0
    hi = p > 1.0 - dt
    u = (p[hi] - 1.0) / dt[hi]
    y[hi] -= u * u + 2.0 * u + 1.0
    return y

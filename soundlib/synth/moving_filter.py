"""Filters whose frequency and Q move over time (block-wise RBJ biquads)."""

from __future__ import annotations

import numpy as np
from scipy.signal import lfilter

from soundlib import SR
from soundlib.filters import biquad_coefficients
from soundlib.synth.envelopes import resample_curve


def varying_biquad(x, kind, freq, q=0.7071, *, sr=SR, block=64):
    """RBJ cookbook biquad (any ``soundlib.filters`` kind) whose frequency and Q may move.

    ``freq`` and ``q`` are numbers or arrays with one value per sample. A moving filter is
    computed block by block (``block`` samples; 64 = 1.3 ms at 48 kHz): each block uses the
    coefficients for its mean frequency (rounded to 1 cent) and Q and carries the filter
    state over, which is smooth for envelope-speed changes (tens of milliseconds and
    slower). Mono input.
    """
    x = np.asarray(x, dtype=np.float64)
    nyq_safe = 0.45 * sr
    f = np.asarray(freq, dtype=np.float64)
    qq = np.asarray(q, dtype=np.float64)
    if f.ndim == 0 and qq.ndim == 0:
        b, a = biquad_coefficients(kind, float(np.clip(f, 20.0, nyq_safe)), float(qq), sr=sr)
        return lfilter(b, a, x)
    n = len(x)
    f = np.clip(resample_curve(np.atleast_1d(f), n), 20.0, nyq_safe)
    qq = resample_curve(np.atleast_1d(qq), n)
    starts = np.arange(0, n, block)
    counts = np.diff(np.append(starts, n))
    # block means, rounded to 1 cent and 0.1 % of Q (far below audibility); runs of equal
    # blocks (a sustained note) are filtered in one go, and coefficients are reused
    cents = np.round(1200.0 * np.log2(np.add.reduceat(f, starts) / counts)).astype(np.int64)
    qk = np.round(1000.0 * np.log(np.add.reduceat(qq, starts) / counts)).astype(np.int64)
    change = np.flatnonzero((np.diff(cents) != 0) | (np.diff(qk) != 0)) + 1
    seg_starts = np.concatenate([[0], change])
    seg_ends = np.append(change, len(starts))
    y = np.empty_like(x)
    zi = np.zeros(2)
    cache = {}
    for a_blk, b_blk in zip(seg_starts, seg_ends):
        k = (int(cents[a_blk]), int(qk[a_blk]))
        if k not in cache:
            freq_hz = 2.0 ** (k[0] / 1200.0)  # cents above 1 Hz
            cache[k] = biquad_coefficients(kind, freq_hz, float(np.exp(k[1] / 1000.0)), sr=sr)
        b, a = cache[k]
        s0 = starts[a_blk]
        e0 = starts[b_blk] if b_blk < len(starts) else n
        y[s0:e0], zi = lfilter(b, a, x[s0:e0], zi=zi)
    return y


def resonant_lowpass(x, cutoff, resonance=0.7071, *, sr=SR, block=64):
    """Two-pole (12 dB/octave) resonant low-pass whose cutoff may change over time.

    ``cutoff`` is a frequency in Hz or an array with one value per sample. ``resonance`` is
    the filter's Q: 0.707 is flat (Butterworth, −3 dB at the cutoff); higher values add a
    peak of ``20 log10(Q)`` dB at the cutoff (Q 4 ≈ +12 dB), the "squelch" of a synth
    filter. RBJ cookbook low-pass, updated every ``block`` samples (see
    :func:`varying_biquad`).
    """
    return varying_biquad(x, "lowpass", cutoff, resonance, sr=sr, block=block)

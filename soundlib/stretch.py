"""Changing speed and length: varispeed (a sampler's pitch and tempo together) and WSOLA
time-stretching (tempo only, pitch kept).

Both take multichannel arrays shaped ``(n, channels)``, e.g. stereo ``(n, 2)``.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import fftconvolve

from soundlib import SR, filters

__all__ = ["varispeed", "wsola"]


def varispeed(x, ratio, *, sr=SR):
    """Play ``x`` (shape ``(n, channels)``) back ``ratio`` times faster, like a sampler:
    pitch and tempo both change.

    Speeding up moves everything up in frequency, so the signal is first low-passed below
    the new Nyquist limit (an anti-aliasing filter), then read by linear interpolation."""
    if ratio > 1.0:
        x = np.column_stack([filters.lowpass(x[:, c], 0.45 * sr / ratio, order=8,
                                              sr=sr)
                             for c in range(x.shape[1])])
    pos = np.arange(0.0, len(x) - 1, ratio)
    idx = np.arange(len(x))
    return np.column_stack([np.interp(pos, idx, x[:, c]) for c in range(x.shape[1])])


def wsola(x, rate, frame=2048, tolerance=512):
    """Time-stretch ``x`` (shape ``(n, channels)``) to 1/``rate`` of its length without
    changing its pitch (WSOLA).

    Waveform-similarity overlap-add (Verhelst & Roelands, ICASSP 1993): Hann-windowed frames
    are laid down every frame/2 samples of output; each is read from near its nominal input
    position (k * hop * rate), shifted by up to +/-tolerance samples to the place whose
    waveform best matches the natural continuation of the previous frame, so the overlaps
    add in phase. Only whole frames are laid down, so the result can be up to ``frame / 2``
    samples shorter than ``len(x) / rate``."""
    hop = frame // 2
    win = np.hanning(frame + 1)[:frame]  # periodic Hann: frames at 50 % overlap sum to 1
    mono = x.mean(axis=1)
    n_out = int(len(x) / rate)
    frames = (n_out - frame) // hop
    y = np.zeros((frames * hop + frame, x.shape[1]))
    pad = np.concatenate([np.zeros(tolerance), mono, np.zeros(frame + 2 * tolerance)])
    xpad = np.concatenate([np.zeros((tolerance, x.shape[1])), x,
                           np.zeros((frame + 2 * tolerance, x.shape[1]))])
    prev = 0
    for k in range(frames):
        nominal = int(k * hop * rate)
        if k == 0:
            start = nominal
        else:
            template = pad[prev + hop + tolerance: prev + hop + tolerance + frame]
            region = pad[nominal: nominal + frame + 2 * tolerance]
            corr = fftconvolve(region, template[::-1], mode="valid")
            start = nominal - tolerance + int(np.argmax(corr))
            start = max(start, 0)
        seg = xpad[start + tolerance: start + tolerance + frame]
        y[k * hop: k * hop + frame] += win[:, None] * seg
        prev = start
    return y[:n_out]

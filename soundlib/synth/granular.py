"""Asynchronous granular synthesis (Roads, *Microsound*, 2001)."""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.dsp import as_audio, mono, n_samples


def granular(
    source,
    seconds,
    grain_ms=50.0,
    density=40.0,
    pitch_jitter=0.0,
    seed=0,
    *,
    sr=SR,
    position=None,
    position_jitter_ms=50.0,
):
    """Asynchronous granular synthesis: a cloud of short Hann-windowed grains cut from a source.

    - ``grain_ms``: grain length. Under ~20 ms the grains blur into a buzz or texture;
      50-100 ms keeps the character of the source audible.
    - ``density``: grains per second, placed at random times (on average
      ``density * grain_ms / 1000`` overlap at once).
    - ``pitch_jitter``: random transposition of each grain, up to ± this many semitones
      (each grain is resampled by ``2 ** (semitones / 12)``).
    - ``position``: ``None`` takes each grain from a random point anywhere in the source;
      a number from 0 to 1 freezes the read point there (± ``position_jitter_ms``), the
      classic "time freeze".

    The output (mono, ``round(seconds * sr)`` samples) is scaled by
    ``1 / sqrt(density * 0.375 * grain length)`` so that, on average, its RMS level matches
    the source's (the grains are uncorrelated, so their powers add; 0.375 is the mean square
    of a Hann window); the scale never exceeds 1, so a sparse cloud is simply quieter.
    Deterministic for a given ``seed``.
    """
    src = mono(as_audio(source))
    n_out = n_samples(seconds, sr)
    L = max(2, n_samples(grain_ms / 1000.0, sr))
    if len(src) < 2:
        raise ValueError("the source is too short")
    rng = np.random.default_rng(seed)
    count = max(1, int(round(density * seconds)))
    out = np.zeros(n_out + L)
    win = np.hanning(L + 2)[1:-1]
    onsets = np.sort(rng.integers(0, max(1, n_out - L // 2), count))
    ratios = 2.0 ** (pitch_jitter * rng.uniform(-1.0, 1.0, count) / 12.0)
    jit = rng.uniform(-1.0, 1.0, count)
    starts_rand = rng.uniform(0.0, 1.0, count)
    k = np.arange(L)
    for o, r, jj, sr_ in zip(onsets, ratios, jit, starts_rand):
        span = r * (L - 1)
        room = max(0.0, len(src) - 1 - span)
        if position is None:
            start = sr_ * room
        else:
            start = np.clip(position * (len(src) - 1) + jj * position_jitter_ms * 1e-3 * sr,
                            0.0, room)
        grain = np.interp(start + r * k, np.arange(len(src)), src, right=0.0)
        out[o:o + L] += win * grain
    scale = 1.0 / np.sqrt(max(1e-12, density * 0.375 * L / sr))
    return out[:n_out] * min(scale, 1.0)

"""Envelopes and control curves: ADSR, and stretching a curve to a note's length."""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.dsp import n_samples


def _shape(u, curve):
    """Segment shape on ``u`` in [0, 1] going from 1 to 0: straight, or exponential-looking."""
    if curve == "linear":
        return 1.0 - u
    if curve == "exp":
        k = 5.0  # reaches the target exactly, with the concave shape of an RC discharge
        return (np.exp(-k * u) - np.exp(-k)) / (1.0 - np.exp(-k))
    raise ValueError('curve must be "linear" or "exp"')


def adsr(seconds, attack, decay, sustain, release, *, sr=SR, curve="linear"):
    """ADSR amplitude envelope for a note held for ``seconds`` and then released.

    - Attack: 0 → 1 (peak) in ``attack`` seconds, a straight ramp.
    - Decay: 1 → ``sustain`` (a level between 0 and 1, not a time) in ``decay`` seconds.
    - Sustain: the level held while the key stays down.
    - Release: from wherever the envelope is when the key is released (at ``seconds``;
      this may be during the attack or decay of a short note) down to 0 in ``release``
      seconds.

    Length: ``round((seconds + release) * sr)`` samples; the last sample is exactly 0.
    ``curve="exp"`` gives decay and release the concave shape of analog envelope
    generators (fast at first, then slower); ``"linear"`` (default) uses straight lines.
    """
    if min(seconds, attack, decay, release) < 0:
        raise ValueError("times must not be negative")
    if not 0.0 <= sustain <= 1.0:
        raise ValueError(f"sustain is a level between 0 and 1, got {sustain}")

    def held(t):
        t = np.asarray(t, dtype=np.float64)
        out = np.full(t.shape, float(sustain))
        if attack > 0:
            a = t < attack
            out[a] = t[a] / attack
        if decay > 0:
            d = (t >= attack) & (t < attack + decay)
            out[d] = sustain + (1.0 - sustain) * _shape((t[d] - attack) / decay, curve)
        return out

    n_hold = n_samples(seconds, sr)
    n_rel = n_samples(seconds + release, sr) - n_hold
    env_hold = held(np.arange(n_hold) / sr)
    level = float(held(np.array([seconds]))[0])
    if n_rel > 0:
        env_rel = level * _shape(np.arange(1, n_rel + 1) / n_rel, curve)
    else:
        env_rel = np.zeros(0)
    return np.concatenate([env_hold, env_rel])


def resample_curve(curve, n):
    """Stretch or squeeze a control curve to ``n`` samples (linear interpolation)."""
    c = np.asarray(curve, dtype=np.float64).ravel()
    if len(c) == n:
        return c
    if len(c) == 1:
        return np.full(n, c[0])
    return np.interp(np.linspace(0.0, 1.0, n), np.linspace(0.0, 1.0, len(c)), c)

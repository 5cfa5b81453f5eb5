"""Two-operator FM synthesis (Chowning 1973)."""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.dsp import fade, n_samples
from soundlib.synth.envelopes import resample_curve


def fm(freq, seconds, ratio=1.0, index=2.0, index_env=None, *, sr=SR, env=None, amp=1.0):
    """Two-operator FM (phase modulation, as in Yamaha's DX7): a sine carrier whose phase is
    pushed back and forth by a sine modulator.

        y(t) = amp * env(t) * sin(2 pi fc t + I(t) sin(2 pi fm t)),   fm = ratio * fc

    Chowning (1973) showed the spectrum is a set of sidebands at ``fc ± k fm`` (k = 0, 1,
    2 ...) with amplitudes ``J_k(I)``, the Bessel functions of the first kind. So:

    - ``ratio`` sets *which* partials exist: integer ratios give harmonic spectra (1: all
      harmonics, like a sawtooth; 2: odd harmonics, like a square), non-integer ratios give
      inharmonic, bell- or metal-like tones (try 1.4 or 3.5);
    - ``index`` sets *how many* are strong: roughly ``I + 1`` sideband pairs (Carson's
      rule); 0 is a pure sine;
    - ``index_env`` (multiplies ``index``; resampled to the note length) makes the
      brightness move, e.g. a decaying index for a plucked or struck sound;
    - ``env``: amplitude envelope; if given, the output has ``len(env)`` samples, otherwise
      ``round(seconds * sr)`` samples with 5 ms fades at each end.
    """
    n = len(env) if env is not None else n_samples(seconds, sr)
    t = np.arange(n) / sr
    idx = index * (resample_curve(index_env, n) if index_env is not None else 1.0)
    y = np.sin(2 * np.pi * freq * t + idx * np.sin(2 * np.pi * ratio * freq * t))
    if env is not None:
        return amp * y * np.asarray(env, dtype=np.float64)
    return amp * fade(y, 0.005, 0.005, sr=sr)

"""The look-ahead brickwall limiter."""

from __future__ import annotations

import numpy as np
from scipy.ndimage import minimum_filter1d

from soundlib import SR
from soundlib.dynamics.detect import (
    as_columns,
    linked_abs,
    restore_shape,
    smooth_branching,
    smoothing_coeff,
    trailing_filter,
)


def limit(x, ceiling_db=-1.0, release_ms=50.0, lookahead_ms=5.0, *, sr=SR):
    """Look-ahead brickwall limiter on sample peaks: no output sample exceeds the ceiling.

    How it works (a standard design for look-ahead limiters):

    1. the gain each sample needs is ``g_req[n] = min(1, c / |x[n]|)`` with ``c`` the ceiling
       as an amplitude (linked over channels);
    2. a running minimum over the next ``L`` = look-ahead samples makes the gain start falling
       *before* each peak arrives;
    3. release: the gain recovers towards 1 with a one-pole time constant ``release_ms``
       (measured in dB), and drops instantly when more reduction is needed;
    4. a moving average over ``L + 1`` samples turns the step-shaped gain into a smooth ramp
       lasting the look-ahead time, so the attack does not click. Because every sample of
       that average already includes the peak it protects, the averaged gain is never larger
       than ``g_req``: the ceiling holds exactly.

    The look-ahead delay is compensated: the output is time-aligned with the input and has
    the same length. The ceiling applies to *sample* peaks; inter-sample (true) peaks can
    still exceed it by a fraction of a dB (use ``soundlib.loudness.true_peak_dbtp`` to check).
    ``lookahead_ms=0`` gives an instant-attack clipper-like limiter.
    """
    x2, mono = as_columns(x)
    n = x2.shape[0]
    if n == 0:
        return restore_shape(x2.copy(), mono)
    c = 10.0 ** (ceiling_db / 20.0)
    L = max(0, int(round(lookahead_ms * 1e-3 * sr)))
    peak = linked_abs(x2)
    with np.errstate(divide="ignore"):
        g_req = np.where(peak > c, c / np.maximum(peak, 1e-300), 1.0)
    # work in a frame delayed by L samples: append L samples that need no reduction
    g_req = np.concatenate([g_req, np.ones(L)])
    held = trailing_filter(g_req, L + 1, minimum_filter1d)
    # release in the dB domain; instant when more reduction is needed
    red_db = -20.0 * np.log10(held)
    red_db = smooth_branching(red_db, 0.0, smoothing_coeff(release_ms, sr), initial=0.0)
    gain = 10.0 ** (-red_db / 20.0)
    if L > 0:
        csum = np.concatenate([[0.0], np.cumsum(np.concatenate([np.full(L, gain[0]), gain]))])
        gain = (csum[L + 1:] - csum[:-(L + 1)]) / (L + 1)
    gain = gain[L:L + n]  # undo the delay: gain[k] now protects x[k]
    y = x2 * gain[:, None]
    # guard against floating-point rounding in the moving average (changes < 1e-12)
    y = np.clip(y, -c, c)
    return restore_shape(y, mono)

"""The feed-forward compressor and the gain reduction it applies."""

from __future__ import annotations

import numpy as np
from scipy.signal import lfilter

from soundlib import SR
from soundlib.dynamics.curves import gain_computer
from soundlib.dynamics.detect import (
    FLOOR_DB,
    as_columns,
    linked_abs,
    restore_shape,
    smooth_branching,
    smoothing_coeff,
    to_db,
)


def gain_reduction_db(
    x,
    threshold_db,
    ratio,
    attack_ms=10.0,
    release_ms=100.0,
    knee_db=0.0,
    sidechain=None,
    *,
    sr=SR,
    detector="peak",
    rms_ms=10.0,
):
    """Time-varying gain (dB, ≤ 0) that :func:`compress` applies, before make-up gain.

    This is the signal a gain-reduction meter shows. Structure (Giannoulis et al., Fig. 7,
    "log domain, smoothing after the gain computer"):

    1. detector: the level ``x_G`` in dB of the sidechain (the input itself unless
       ``sidechain`` is given), linked across channels:
       ``"peak"`` uses the instantaneous ``20 log10 |x|``;
       ``"rms"`` uses ``10 log10`` of the mean square averaged by a one-pole filter with time
       constant ``rms_ms`` (a sine then reads 3 dB below its peak, like an RMS meter);
    2. gain computer: ``y_G = gain_computer(x_G, threshold_db, ratio, knee_db)``, and the
       static reduction ``x_L = x_G - y_G ≥ 0``;
    3. ballistics: ``y_L[n] = a y_L[n-1] + (1 - a) x_L[n]`` with ``a = exp(-1/(attack·sr))``
       while the reduction is growing (``x_L > y_L``) and ``a = exp(-1/(release·sr))``
       while it shrinks ("smooth branching" peak detector, eq. 17). After a step in level
       the reduction reaches 63 % of its final value in ``attack_ms``.

    Returns ``-y_L`` as a mono array of length ``len(x)``.
    """
    x2, _ = as_columns(x)
    sc2 = x2 if sidechain is None else as_columns(sidechain)[0]
    if sc2.shape[0] != x2.shape[0]:
        raise ValueError("sidechain must have the same number of samples as x")
    if detector == "peak":
        level = to_db(linked_abs(sc2))
    elif detector == "rms":
        power = np.max(sc2 * sc2, axis=1)
        a = smoothing_coeff(rms_ms, sr)
        ms = lfilter([1.0 - a], [1.0, -a], power) if a > 0 else power
        with np.errstate(divide="ignore"):
            level = np.maximum(10.0 * np.log10(ms), FLOOR_DB)
    else:
        raise ValueError('detector must be "peak" or "rms"')
    static = level - gain_computer(level, threshold_db, ratio, knee_db)
    smoothed = smooth_branching(static, smoothing_coeff(attack_ms, sr),
                                smoothing_coeff(release_ms, sr), initial=0.0)
    return -smoothed


def compress(
    x,
    threshold_db,
    ratio,
    attack_ms=10.0,
    release_ms=100.0,
    knee_db=0.0,
    makeup_db=0.0,
    sidechain=None,
    *,
    sr=SR,
    detector="peak",
    rms_ms=10.0,
):
    """Feed-forward compressor (log-domain gain computer, smoothed branching ballistics).

    Controls, in audio terms:

    - ``threshold_db``: the level (dBFS) above which the compressor starts to turn the signal
      down;
    - ``ratio``: how hard it turns down above the threshold: at 4:1, 4 dB more input gives
      only 1 dB more output (see :func:`gain_computer` for the formula);
    - ``attack_ms``: how quickly gain reduction builds up after the level rises (time
      constant: 63 % of the final reduction after ``attack_ms``). Slow attacks (5-30 ms) let
      the front of a drum hit through while the body is turned down, so the crest factor
      *rises* ("punch"); only a near-instant attack (well under 1 ms) catches the
      transients and lowers the crest factor;
    - ``release_ms``: how quickly the gain recovers after the level falls (same definition);
    - ``knee_db``: width of the soft knee centred on the threshold (0 = hard knee);
    - ``makeup_db``: fixed gain added after compression to restore loudness;
    - ``sidechain``: an optional signal (same length) that drives the detector instead of
      ``x`` (ducking, or de-essing with a filtered copy);
    - ``detector``: ``"peak"`` (fast, reacts to every sample) or ``"rms"`` (responds to
      average power, closer to perceived loudness).

    Stereo input is linked (one gain for both channels). Returns the same shape as ``x``.
    Source: Giannoulis, Massberg & Reiss, JAES 2012.
    """
    x2, mono = as_columns(x)
    g_db = gain_reduction_db(
        x2, threshold_db, ratio, attack_ms, release_ms, knee_db, sidechain,
        sr=sr, detector=detector, rms_ms=rms_ms,
    )
    g = 10.0 ** ((g_db + makeup_db) / 20.0)
    return restore_shape(x2 * g[:, None], mono)

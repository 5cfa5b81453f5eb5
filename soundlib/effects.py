"""Time-based and stereo effects: delay, reverb, panning, mid/side, saturation, modulation.

Conventions (CONTRIBUTING.md, "The sound library API"): float64 arrays, mono ``(n,)`` or
stereo ``(n, 2)``, full scale ±1.0, times in milliseconds where the name says ``_ms``,
``sr=SR`` keyword everywhere.

Wet/dry ``mix`` is a linear crossfade throughout this module:
``out = (1 - mix) * dry + mix * wet``; ``mix=0`` is the untouched input, ``mix=1`` the
effect alone.

Modulated delays (chorus, flanger, vibrato) read the delay line between samples with
4-point cubic (Catmull-Rom) interpolation; the recirculating flanger uses linear
interpolation inside its feedback loop. Reference for the modulation effects: U. Zölzer
(ed.), *DAFX: Digital Audio Effects*, 2nd ed., Wiley 2011, ch. 2-3.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.signal import lfilter, oaconvolve

from soundlib import SR, filters
from soundlib.dsp import as_audio, mono, stereo

__all__ = [
    "delay",
    "synthetic_ir",
    "reverb",
    "pan",
    "pan_gains",
    "PAN_LAWS_DB",
    "ms_encode",
    "ms_decode",
    "width",
    "hard_clip",
    "soft_clip",
    "chorus",
    "flanger",
    "tremolo",
    "vibrato",
]


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def _columns(x):
    """Return ``(list_of_channels, was_mono)``."""
    a = as_audio(x)
    if a.ndim == 1:
        return [a], True
    return [a[:, 0], a[:, 1]], False


def _join(chans, was_mono):
    return chans[0] if was_mono else np.column_stack(chans)


def _read_cubic(x, pos):
    """Read ``x`` at fractional sample positions ``pos`` (Catmull-Rom cubic interpolation).

    Positions outside the signal read silence. For ``frac = pos - floor(pos)`` and the four
    neighbours ``x[i-1], x[i], x[i+1], x[i+2]`` the interpolant is the cubic Hermite spline
    with tangents ``(x[i+1] - x[i-1]) / 2``; it passes exactly through the samples.
    """
    xp = np.concatenate([np.zeros(2), x, np.zeros(3)])  # index i maps to i + 2
    pos = np.clip(pos, -2.0, len(x) + 0.0)
    i = np.floor(pos).astype(np.int64)
    f = pos - i
    j = i + 2
    xm1, x0, x1, x2 = xp[j - 1], xp[j], xp[j + 1], xp[j + 2]
    c1 = 0.5 * (x1 - xm1)
    c2 = xm1 - 2.5 * x0 + 2.0 * x1 - 0.5 * x2
    c3 = 0.5 * (x2 - xm1) + 1.5 * (x0 - x1)
    return ((c3 * f + c2) * f + c1) * f + x0


def _modulated_delay(x, delay_samples):
    """``y[n] = x(n - d[n])`` for a time-varying, fractional delay ``d`` (feed-forward)."""
    n = np.arange(len(x), dtype=np.float64)
    return _read_cubic(x, n - delay_samples)


def _lfo(n, rate_hz, sr, phase=0.0):
    """Sine LFO ``sin(2 pi f t + phase)`` of ``n`` samples."""
    t = np.arange(n) / sr
    return np.sin(2.0 * np.pi * rate_hz * t + phase)


def _crossfade(dry, wet, mix):
    if not 0.0 <= mix <= 1.0:
        raise ValueError(f"mix must be between 0 and 1, got {mix}")
    return (1.0 - mix) * dry + mix * wet


# ---------------------------------------------------------------------------------------------
# delay and reverb
# ---------------------------------------------------------------------------------------------


def delay(x, time_ms, feedback=0.3, mix=0.3, *, sr=SR, tail=False):
    """Feedback echo: repeats of the input every ``time_ms``, each ``feedback`` times quieter.

    A delay line of ``D = round(time_ms * sr / 1000)`` samples with its output fed back to its
    input:

        w[n] = x[n] + feedback * w[n - D]      (what goes into the delay line)
        wet[n] = w[n - D]                       (echoes at D, 2D, 3D, ... samples)

    so the k-th echo has amplitude ``feedback ** (k - 1)`` (feedback 0.5: each repeat 6 dB
    quieter). ``mix`` crossfades dry and wet. The output has the input's length, like
    ``filters.comb`` (pad the input with ``dsp.pad`` to hear the echoes die away), or, with
    ``tail=True``, is extended until the echoes have decayed by 60 dB.
    The echo time is rounded to whole samples (±10 µs at 48 kHz).

    A tempo-synced echo uses ``time_ms = 60000 / bpm`` for quarter notes (625 ms at 96 BPM).
    """
    if not 0.0 <= feedback < 1.0:
        raise ValueError(f"feedback must be in [0, 1), got {feedback}")
    D = max(1, int(round(time_ms * sr / 1000.0)))
    a = as_audio(x)
    if tail:
        repeats = 1 if feedback <= 0 else 1 + math.ceil(math.log(1e-3) / math.log(feedback))
        a = np.concatenate([a, np.zeros((D * repeats,) + a.shape[1:])], axis=0)
    n = len(a)
    blocks = -(-n // D) + 1
    padded = np.zeros((blocks * D,) + a.shape[1:])
    padded[:n] = a
    # the recursion w[n] = x[n] + fb * w[n - D] runs along the block axis: vectorized, exact
    shaped = padded.reshape((blocks, D) + a.shape[1:])
    w = lfilter([1.0], [1.0, -feedback], shaped, axis=0).reshape(padded.shape)
    wet = np.zeros_like(a)
    wet[D:] = w[: n - D]
    return _crossfade(a, wet, mix)


def synthetic_ir(rt60, predelay_ms=0.0, seed=0, *, sr=SR, damping=0.0, early=6):
    """Synthetic stereo room impulse response (wet part only, no direct sound).

    - Late reverberation: two independent (hence decorrelated, wide) Gaussian noise
      channels shaped by ``exp(-3 ln(10) t / rt60)``. The *energy* envelope is then
      ``10 ** (-6 t / rt60)``: it falls by exactly 60 dB in ``rt60`` seconds, the definition
      of reverberation time (Sabine; ISO 3382-1). The tail builds up over the first 20 ms,
      as a real diffuse field does.
    - ``early`` early reflections: single-sample taps between 3 and 40 ms after the
      pre-delay, with random signs and different times in the two channels.
    - ``damping`` (0 to 1): darker tail. The noise is split at 3 kHz (4th-order
      Butterworth); the part above decays with ``rt60 * (1 - 0.7 * damping)``, as air and
      soft surfaces absorb high frequencies faster; ``rt60`` then describes the band below
      3 kHz and the broadband decay is shorter. At 0 (default) the tail is white.
    - ``predelay_ms``: silence before the first reflection, the gap a listener uses to judge
      room size.

    Length: pre-delay plus ``rt60`` (the tail stops 60 dB down). Each channel is scaled to
    unit energy, so convolving a broadband signal leaves its RMS level roughly unchanged.
    Returns an ``(m, 2)`` array.
    """
    if rt60 <= 0:
        raise ValueError(f"rt60 must be positive, got {rt60}")
    if not 0.0 <= damping <= 1.0:
        raise ValueError(f"damping must be between 0 and 1, got {damping}")
    rng = np.random.default_rng(seed)
    pre = int(round(predelay_ms * sr / 1000.0))
    m = max(1, int(round(rt60 * sr)))
    t = np.arange(m) / sr
    noise = rng.standard_normal((m, 2))
    k = 3.0 * np.log(10.0)  # amplitude decay constant: 60 dB of energy in rt60
    env = np.exp(-k * t / rt60)
    if damping > 0:
        low = filters.lowpass(noise, min(3000.0, 0.45 * sr), order=4, sr=sr)
        high = noise - low
        env_high = np.exp(-k * t / (rt60 * (1.0 - 0.7 * damping)))
        tail = low * env[:, None] + high * env_high[:, None]
    else:
        tail = noise * env[:, None]
    build = np.minimum(1.0, t / 0.020)  # 20 ms diffuse build-up
    tail *= build[:, None]
    # early reflections: sparse taps, strongest first
    for ch in range(2):
        times = np.sort(rng.uniform(0.003, 0.040, early))
        signs = rng.choice([-1.0, 1.0], early)
        for i, (tt, s) in enumerate(zip(times, signs)):
            idx = int(round(tt * sr))
            if idx < m:
                tail[idx, ch] += s * 6.0 * (0.8 ** i) * np.exp(-k * tt / rt60)
    tail /= np.sqrt(np.sum(tail ** 2, axis=0, keepdims=True))
    return np.concatenate([np.zeros((pre, 2)), tail], axis=0)


def reverb(x, rt60=1.5, predelay_ms=20.0, mix=0.25, seed=0, *, sr=SR, damping=0.3, tail=False):
    """Convolution reverb with :func:`synthetic_ir`; always returns stereo ``(n, 2)``.

    The wet signal is the FFT (overlap-add) convolution of the input with the synthetic
    room: a mono input feeds both IR channels (mono in, stereo out); a stereo input is
    convolved left with the left IR and right with the right IR.

    - ``rt60``: decay time in seconds (0.3 s small room, 1.5 s hall, 3+ s church);
    - ``predelay_ms``: gap between the dry sound and the reverb;
    - ``mix``: wet/dry crossfade (``0.25`` = a quarter reverb);
    - ``damping``: darker tail (see :func:`synthetic_ir`), 0.3 by default for a natural room;
    - length: the input's length (pad the input with ``dsp.pad`` to let the reverb ring
      out), or with ``tail=True`` extended by the IR length.
    """
    ir = synthetic_ir(rt60, predelay_ms, seed, sr=sr, damping=damping)
    dry = stereo(x)
    n = len(dry)
    wet = np.column_stack([oaconvolve(dry[:, c], ir[:, c]) for c in range(2)])
    if tail:
        dry = np.concatenate([dry, np.zeros((len(wet) - n, 2))], axis=0)
    else:
        wet = wet[:n]
    return _crossfade(dry, wet, mix)


# ---------------------------------------------------------------------------------------------
# stereo
# ---------------------------------------------------------------------------------------------


def pan(x, position, *, sr=SR):
    """Constant-power (sin/cos) pan: place a mono source between the speakers.

    ``position`` runs from −1 (hard left) through 0 (center) to +1 (hard right); a scalar or
    an array of one position per sample (automation). With ``theta = (position + 1) pi / 4``:

        L = cos(theta) * x,   R = sin(theta) * x

    so ``L^2 + R^2 = x^2`` at every position (the acoustic power, and so the perceived
    loudness in a stereo field, stays constant), and at the center each side is
    ``cos(pi/4) = 0.7071``, i.e. −3.01 dB. A stereo input is folded to mono first
    (``dsp.mono``). Returns ``(n, 2)``. ``sr`` is unused and accepted for consistency.
    """
    m = mono(x)
    p = np.clip(np.asarray(position, dtype=np.float64), -1.0, 1.0)
    theta = (p + 1.0) * np.pi / 4.0
    return np.column_stack([m * np.cos(theta), m * np.sin(theta)])


PAN_LAWS_DB = (-3.0, -4.5, -6.0)


def pan_gains(position, law_db=-3.0):
    """Left and right gains of a mono source at ``position`` (−1 left, 0 center, +1 right)
    under a pan law named by its center attenuation (Module 6, "Pan laws"):

    - ``-3.0`` (constant power): ``cos θ``, ``sin θ`` with ``θ = (position + 1) π / 4``;
      each side is 0.7071 (−3.01 dB) at the center, and ``L² + R²`` is constant;
    - ``-6.0`` (linear): ``(1 − position) / 2``, ``(1 + position) / 2``; 0.5 (−6.02 dB) at
      the center, and ``L + R`` is constant;
    - ``-4.5``: the geometric mean of the two, 0.5946 (−4.52 dB) at the center.

    ``position`` may be a scalar or an array; returns ``(left, right)``. Any other law
    raises ``ValueError``.
    """
    p = np.clip(np.asarray(position, dtype=np.float64), -1.0, 1.0)
    theta = (p + 1.0) * np.pi / 4.0
    cp_l, cp_r = np.cos(theta), np.sin(theta)
    lin_l, lin_r = (1.0 - p) / 2.0, (1.0 + p) / 2.0
    if law_db == -3.0:
        return cp_l, cp_r
    if law_db == -6.0:
        return lin_l, lin_r
    if law_db == -4.5:
        return np.sqrt(cp_l * lin_l), np.sqrt(cp_r * lin_r)
    raise ValueError(f"unknown pan law {law_db!r} dB; the laws are {PAN_LAWS_DB}")


def ms_encode(x):
    """Mid/side encode. Convention: ``M = (L + R) / 2``, ``S = (L - R) / 2``.

    With the halves, a centered (mono) source has ``M = L = R`` and ``S = 0``, and the
    decode is simply ``L = M + S``, ``R = M - S`` (see :func:`ms_decode`); the round trip is
    exact. (Some texts use ``(L ± R) / sqrt(2)`` for equal power instead.) A mono input
    gives ``mid = x`` and silent ``side``. Returns ``(mid, side)``, two mono arrays.
    """
    a = as_audio(x)
    if a.ndim == 1:
        return a.copy(), np.zeros_like(a)
    return 0.5 * (a[:, 0] + a[:, 1]), 0.5 * (a[:, 0] - a[:, 1])


def ms_decode(mid, side):
    """Mid/side decode (inverse of :func:`ms_encode`): ``L = M + S``, ``R = M - S``."""
    mid = as_audio(mid)
    side = as_audio(side)
    return np.column_stack([mid + side, mid - side])


def width(x, amount):
    """Stereo width by scaling the side signal: ``S' = amount * S``.

    ``amount`` 0 folds to mono, 1 leaves the image unchanged, above 1 widens it (sounds at
    the edges get louder, the center stays put; beyond about 2 the image becomes phasey and
    mono compatibility suffers). Returns stereo; a mono input stays centered.
    """
    if amount < 0:
        raise ValueError(f"width amount must be >= 0, got {amount}")
    m, s = ms_encode(x)
    return ms_decode(m, amount * s)


# ---------------------------------------------------------------------------------------------
# saturation
# ---------------------------------------------------------------------------------------------


def hard_clip(x, ceiling=1.0):
    """Hard clipping: every sample beyond ±``ceiling`` (linear amplitude) is flattened to it.

    The corners this cuts into the waveform add odd harmonics that reach far up the spectrum
    (and, in a digital system, alias).
    """
    if ceiling <= 0:
        raise ValueError(f"ceiling must be positive, got {ceiling}")
    return np.clip(as_audio(x), -ceiling, ceiling)


def soft_clip(x, drive=1.0):
    """Soft saturation: ``y = tanh(drive * x) / tanh(drive)``.

    ``drive`` (linear, > 0) pushes the signal further into the curve: 0.1 is nearly clean,
    1 gently rounds peaks, 5+ approaches a square wave. The division normalizes the curve
    so that an input at ±1.0 always comes out at exactly ±1.0 (full scale in, full scale
    out); small signals are amplified by ``drive / tanh(drive)``. Mostly odd harmonics, added
    gradually as the level rises, like an overdriven tape or valve stage.
    """
    if drive <= 0:
        raise ValueError(f"drive must be positive, got {drive}")
    return np.tanh(drive * as_audio(x)) / np.tanh(drive)


# ---------------------------------------------------------------------------------------------
# modulation effects
# ---------------------------------------------------------------------------------------------


def chorus(x, rate_hz=0.8, depth_ms=3.0, mix=0.5, *, sr=SR, base_ms=12.0):
    """Chorus: the input plus a copy whose short delay is slowly swept; returns stereo.

    The delay is ``d(t) = base_ms + depth_ms * (1 + sin(2 pi rate t)) / 2`` (12 to 15 ms by
    default): long enough to sound like a second performer, short enough not to be an echo.
    The sweeping delay detunes the copy slightly up and down, and the beating between the
    two gives the shimmer. The right channel's LFO is 90° ahead of the left one, which
    spreads the effect across the stereo field. A mono input feeds both sides.
    """
    chans = [c for c in stereo(x).T]
    out = []
    for ch, phase in zip(chans, (0.0, np.pi / 2)):
        d_ms = base_ms + depth_ms * 0.5 * (1.0 + _lfo(len(ch), rate_hz, sr, phase))
        out.append(_crossfade(ch, _modulated_delay(ch, d_ms * 1e-3 * sr), mix))
    return np.column_stack(out)


def flanger(x, rate_hz=0.25, depth_ms=2.0, feedback=0.5, mix=0.5, *, sr=SR, min_ms=0.5):
    """Flanger: a very short swept delay (with feedback) mixed with the input.

    The delay sweeps ``d(t) = min_ms + depth_ms * (1 - cos(2 pi rate t)) / 2`` (0.5 to 2.5 ms
    by default). Adding the delayed copy makes a comb filter with notches at odd multiples
    of ``1 / (2 d)``; as ``d`` sweeps, the notches glide ("jet plane" sound). ``feedback``
    (−0.95 to 0.95) recirculates the delay line, ``w[n] = x[n] + feedback * w[n - d]``,
    sharpening the peaks between the notches. ``mix=0.5`` gives the deepest notches.

    Implementation: the feedback loop is computed in blocks shorter than the minimum delay,
    so every block only reads samples already computed (exact, vectorized within a block).
    """
    if not -0.95 <= feedback <= 0.95:
        raise ValueError(f"feedback must be between -0.95 and 0.95, got {feedback}")
    a = as_audio(x)
    was_mono = a.ndim == 1
    a2 = a[:, None] if was_mono else a
    n = len(a2)
    d = (min_ms + depth_ms * 0.5 * (1.0 - np.cos(2 * np.pi * rate_hz * np.arange(n) / sr)))
    d = d * 1e-3 * sr
    block = max(1, int(np.floor(d.min())) - 1)
    off = int(np.ceil(d.max())) + 2  # leading silence, so read indices are never negative
    pos = np.arange(n) - d + off
    i0 = np.floor(pos).astype(np.int64)
    frac = (pos - i0)[:, None]
    w = np.zeros((n + off, a2.shape[1]))  # the delay line's input, w[off + k] for sample k
    wet = np.zeros_like(a2)
    for s in range(0, n, block):
        e = min(n, s + block)
        lo = w[i0[s:e]]
        wet[s:e] = lo + frac[s:e] * (w[i0[s:e] + 1] - lo)
        w[off + s:off + e] = a2[s:e] + feedback * wet[s:e]
    y = _crossfade(a2, wet, mix)
    return y[:, 0] if was_mono else y


def tremolo(x, rate_hz=5.0, depth=0.5, *, sr=SR):
    """Tremolo: periodic change of *amplitude*.

    Gain ``g(t) = 1 - depth * (1 - sin(2 pi rate t)) / 2``, swinging between 1 and
    ``1 - depth`` (depth 0.5: down to half amplitude, −6 dB; depth 1: to silence) ``rate_hz``
    times a second. Both channels move together.
    """
    if not 0.0 <= depth <= 1.0:
        raise ValueError(f"depth must be between 0 and 1, got {depth}")
    a = as_audio(x)
    g = 1.0 - depth * 0.5 * (1.0 - _lfo(len(a), rate_hz, sr))
    return a * (g[:, None] if a.ndim == 2 else g)


def vibrato(x, rate_hz=5.0, depth_cents=30.0, *, sr=SR):
    """Vibrato: periodic change of *pitch* by ± ``depth_cents``, ``rate_hz`` times a second.

    A delay that changes over time shifts pitch (the Doppler effect): reading
    ``x(t - d(t))`` plays the signal at the speed ``1 - d'(t)``. With
    ``d(t) = d0 + A sin(2 pi f t)`` the pitch ratio swings ``1 ± 2 pi f A``; choosing
    ``A = (2 ** (cents / 1200) - 1) / (2 pi f)`` gives a peak deviation of ``depth_cents``
    (100 cents = one semitone). Wet signal only (a real vibrato has no dry copy); the
    output is delayed by ``d0 = A`` plus 1 ms.
    """
    amp = (2.0 ** (depth_cents / 1200.0) - 1.0) / (2.0 * np.pi * rate_hz)
    chans, was_mono = _columns(x)
    n = len(chans[0])
    d = (amp + 1e-3 + amp * _lfo(n, rate_hz, sr)) * sr
    return _join([_modulated_delay(ch, d) for ch in chans], was_mono)

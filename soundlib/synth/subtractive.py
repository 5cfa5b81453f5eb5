"""The subtractive voice: oscillator, then a resonant low-pass, then an amplifier."""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.synth.envelopes import adsr, resample_curve
from soundlib.synth.moving_filter import resonant_lowpass
from soundlib.synth.oscillators import oscillator


def subtractive(
    freq,
    seconds,
    wave="sawtooth",
    cutoff=2000.0,
    resonance=0.7,
    env=None,
    filter_env_amount=0.0,
    *,
    sr=SR,
    filter_env=None,
    amp=0.5,
    unison=1,
    detune_cents=12.0,
):
    """Subtractive synth voice: bright oscillator → resonant low-pass → amplifier.

    - ``wave``: ``"sawtooth"`` (all harmonics, bright, brassy), ``"square"`` (odd harmonics,
      hollow), ``"triangle"`` (soft) or ``"sine"``; band-limited, so no aliasing.
    - ``cutoff`` (Hz) and ``resonance`` (Q; 0.7 flat, 2 to 8 increasingly "vocal"): the
      2-pole low-pass of :func:`resonant_lowpass` that carves the tone.
    - ``env``: amplitude envelope (e.g. from :func:`adsr`); the output has ``len(env)``
      samples. Default ``adsr(seconds, 0.005, 0.15, 0.7, 0.08)``: the note is held
      ``seconds`` and then released in 80 ms.
    - ``filter_env_amount``: how far the envelope opens the filter, in **octaves**:
      ``cutoff(t) = cutoff * 2 ** (amount * fenv(t))``, where ``fenv`` is ``filter_env`` or,
      by default, the amplitude envelope. 3 octaves from 400 Hz sweeps up to 3.2 kHz at the
      envelope peak: the "pluck" or "wow" of a synth bass.
    - ``unison`` voices detuned over ±``detune_cents`` thicken the tone (a "supersaw" pad).
    - ``amp``: oscillator amplitude before the filter (0.5 leaves headroom for the
      oscillator's Gibbs overshoot and the resonance peak).
    """
    if env is None:
        env = adsr(seconds, 0.005, 0.15, 0.7, 0.08, sr=sr)
    env = np.asarray(env, dtype=np.float64)
    n = len(env)
    dur = n / sr
    if unison <= 1:
        osc = oscillator(freq, dur, wave, sr=sr, amp=amp)
    else:
        cents = np.linspace(-detune_cents, detune_cents, unison)
        phases = 2 * np.pi * (np.arange(unison) * 0.618034 % 1.0)  # fixed, spread phases
        osc = sum(oscillator(freq * 2 ** (c / 1200), dur, wave, sr=sr, amp=amp, phase=p)
                  for c, p in zip(cents, phases)) / np.sqrt(unison)
    osc = osc[:n]
    if filter_env_amount:
        fenv = env if filter_env is None else resample_curve(filter_env, n)
        peak = np.max(np.abs(fenv)) if len(fenv) else 1.0
        fenv = fenv / peak if peak > 0 else fenv
        cut = cutoff * 2.0 ** (filter_env_amount * fenv)
    else:
        cut = cutoff
    return resonant_lowpass(osc, cut, resonance, sr=sr) * env

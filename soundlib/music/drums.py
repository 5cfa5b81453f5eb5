"""Drum sounds: kick, snare, hi-hat and clap, synthesized (one hit each, peak 1.0)."""

from __future__ import annotations

import numpy as np

from soundlib import SR, filters, synth
from soundlib.dsp import fade, n_samples, to_peak


def _t(seconds, sr):
    return np.arange(n_samples(seconds, sr)) / sr



def kick(*, sr=SR, tone_hz=48.0, decay=0.25):
    """Kick drum (808/909 style): a sine whose pitch drops fast, plus a short click.

    The body's frequency falls from 160 Hz to ``tone_hz`` with a 30 ms time constant
    (``f(t) = tone + (160 - tone) e^(-t/0.03)``; the phase is its integral), and its
    amplitude decays with time constant ``decay`` seconds. A 3 ms burst of band-passed noise
    (around 4 kHz) gives the beater click that helps the kick cut through on small speakers.
    A little tanh saturation rounds the peak. 0.6 s long, peak 1.0.
    """
    t = _t(0.6, sr)
    f0 = 160.0
    phase = 2 * np.pi * (tone_hz * t + (f0 - tone_hz) * 0.03 * (1 - np.exp(-t / 0.03)))
    body = np.sin(phase) * np.exp(-t / decay) * np.minimum(1.0, t / 0.001)
    rng = np.random.default_rng(1234)
    click = rng.standard_normal(len(t)) * np.exp(-t / 0.003)
    click = filters.biquad(click, "bandpass", 4000.0, q=0.8, sr=sr)
    y = np.tanh(1.6 * (body + 0.25 * click)) / np.tanh(1.6)
    return fade(to_peak(y, 0.0), 0.0, 0.02, sr=sr)


def snare(seed=0, *, sr=SR):
    """Snare drum: a two-mode drum-head "body" plus band-limited noise for the wires.

    Body: 185 Hz and 330 Hz partials (the first modes of a 14-inch head), falling slightly
    in pitch and decaying in about 60 ms. Wires: white noise high-passed at 1.5 kHz with a
    presence bump at 5 kHz, decaying with a 120 ms time constant. ``seed`` changes the noise,
    so alternating seeds give natural hit-to-hit variation. 0.4 s, peak 1.0.
    """
    t = _t(0.4, sr)
    rng = np.random.default_rng(seed)
    bend = 1.0 + 0.15 * np.exp(-t / 0.01)
    body = (np.sin(2 * np.pi * 185.0 * t * bend) + 0.6 * np.sin(2 * np.pi * 330.0 * t * bend))
    body *= np.exp(-t / 0.06)
    noise = rng.standard_normal(len(t))
    noise = filters.highpass(noise, 1500.0, order=2, sr=sr)
    noise = filters.biquad(noise, "peak", 5000.0, q=1.0, gain_db=6.0, sr=sr)
    noise *= np.exp(-t / 0.12)
    y = 0.7 * body + 0.5 * noise
    y *= np.minimum(1.0, t / 0.0007)
    return fade(to_peak(y, 0.0), 0.0, 0.02, sr=sr)


# TR-808 hi-hat: six square-wave oscillators at these (inharmonic) frequencies, band-passed
_HAT_FREQS = (205.3, 304.4, 369.6, 522.7, 540.0, 800.0)


def hihat(open=False, seed=0, *, sr=SR):  # noqa: A002 - "open" is the musical term
    """Hi-hat: metallic square-wave cluster plus noise, high-passed at 7 kHz.

    Six band-limited square waves at the inharmonic frequencies of the Roland TR-808 hat
    circuit (205 to 800 Hz) make the metallic ring; white noise adds the sizzle. The mix is
    high-passed at 7 kHz. Closed: 40 ms decay (0.15 s long); ``open=True``: 300 ms decay
    (0.8 s long). Peak 1.0.
    """
    length, decay = (0.8, 0.3) if open else (0.15, 0.04)
    t = _t(length, sr)
    rng = np.random.default_rng(seed)
    metal = sum(synth.oscillator(f, length, "square", sr=sr) for f in _HAT_FREQS)[: len(t)]
    noise = rng.standard_normal(len(t))
    y = 0.5 * metal / len(_HAT_FREQS) + 0.5 * noise
    y = filters.highpass(y, 7000.0, order=4, sr=sr)
    y = filters.biquad(y, "peak", 10000.0, q=1.0, gain_db=4.0, sr=sr)
    y *= np.exp(-t / decay) * np.minimum(1.0, t / 0.0005)
    return fade(to_peak(y, 0.0), 0.0, 0.01, sr=sr)


def clap(seed=0, *, sr=SR):
    """Hand clap: four quick noise bursts (several hands, 9 ms apart) and a short room tail,
    band-passed around 1.2 kHz. 0.4 s, peak 1.0."""
    t = _t(0.4, sr)
    rng = np.random.default_rng(seed)
    env = np.zeros_like(t)
    for k in range(4):
        tk = t - 0.009 * k
        env += np.where(tk >= 0, np.exp(-np.maximum(tk, 0) / 0.004), 0.0)
    tail_t = t - 0.027
    env += np.where(tail_t >= 0, 0.6 * np.exp(-np.maximum(tail_t, 0) / 0.08), 0.0)
    y = filters.biquad(rng.standard_normal(len(t)), "bandpass", 1200.0, q=1.2, sr=sr) * env
    y = filters.highpass(y, 400.0, order=2, sr=sr)
    return fade(to_peak(y, 0.0), 0.0, 0.02, sr=sr)

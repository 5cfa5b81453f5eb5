"""Synthesis building blocks: envelopes, pitch, subtractive, FM, wavetable and granular voices.

Conventions (CONTRIBUTING.md, "The sound library API"): mono float64 arrays at ``sr=SR``
(48 kHz), full scale ±1.0, times in seconds. Every voice is deterministic; anything random
takes a ``seed``.

Sources for the techniques:

- subtractive synthesis and ADSR envelopes: the classic voltage-controlled
  oscillator → filter → amplifier chain (Moog, ARP, Sequential); the filter here is the RBJ
  Audio EQ Cookbook low-pass (``soundlib.filters.biquad_coefficients``);
- FM: J. M. Chowning, "The Synthesis of Complex Audio Spectra by Means of Frequency
  Modulation", J. Audio Eng. Soc. 21(7), 1973;
- granular synthesis: C. Roads, *Microsound*, MIT Press 2001.
"""

from __future__ import annotations

import re

import numpy as np
from scipy.signal import lfilter

from soundlib import SR
from soundlib import generators as g
from soundlib.dsp import as_audio, fade, mono, n_samples
from soundlib.filters import biquad_coefficients

__all__ = [
    "adsr",
    "note_to_freq",
    "note_name_to_midi",
    "oscillator",
    "polyblep_saw",
    "varying_biquad",
    "resonant_lowpass",
    "subtractive",
    "fm",
    "wavetable",
    "default_tables",
    "granular",
]

_NOTE_OFFSETS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


# ---------------------------------------------------------------------------------------------
# envelopes and pitch
# ---------------------------------------------------------------------------------------------


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


def note_to_freq(midi):
    """Frequency in Hz of a MIDI note number in 12-tone equal temperament.

    ``f = 440 * 2 ** ((midi - 69) / 12)``: A4 (MIDI 69) = 440 Hz (ISO 16), each semitone a
    factor of 2^(1/12) ≈ 1.0595, each octave a factor of 2. Middle C (MIDI 60) = 261.63 Hz.
    Accepts scalars (returns a float) or arrays; fractional numbers give microtones.
    """
    f = 440.0 * 2.0 ** ((np.asarray(midi, dtype=np.float64) - 69.0) / 12.0)
    return float(f) if f.ndim == 0 else f


def note_name_to_midi(name):
    """MIDI number of a note name in scientific pitch notation: ``"A4"`` → 69, ``"C4"`` → 60,
    ``"F#2"`` → 42, ``"Bb3"`` → 58 (``#`` sharp, ``b`` flat; C4 is middle C)."""
    m = re.fullmatch(r"([A-Ga-g])([#b]*)(-?\d+)", name.strip())
    if not m:
        raise ValueError(f"not a note name: {name!r}")
    letter, acc, octave = m.groups()
    semis = _NOTE_OFFSETS[letter.upper()] + acc.count("#") - acc.count("b")
    return 12 * (int(octave) + 1) + semis


def _fit(curve, n):
    """Stretch or squeeze a control curve to ``n`` samples (linear interpolation)."""
    c = np.asarray(curve, dtype=np.float64).ravel()
    if len(c) == n:
        return c
    if len(c) == 1:
        return np.full(n, c[0])
    return np.interp(np.linspace(0.0, 1.0, n), np.linspace(0.0, 1.0, len(c)), c)


# ---------------------------------------------------------------------------------------------
# subtractive
# ---------------------------------------------------------------------------------------------


def oscillator(freq, seconds, wave="sawtooth", *, sr=SR, phase=0.0, amp=1.0):
    """Band-limited oscillator at a fixed pitch: ``"sawtooth"``, ``"square"``, ``"triangle"``
    (from ``soundlib.generators``, additive below Nyquist, so nothing aliases) or ``"sine"``."""
    if wave == "sine":
        return g.sine(freq, seconds, amp=amp, phase=phase, sr=sr)
    makers = {"sawtooth": g.sawtooth, "saw": g.sawtooth, "square": g.square,
              "triangle": g.triangle}
    if wave not in makers:
        raise ValueError(f"unknown wave {wave!r}")
    return makers[wave](freq, seconds, amp=amp, phase=phase, sr=sr)


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
    f = np.clip(_fit(np.atleast_1d(f), n), 20.0, nyq_safe)
    qq = _fit(np.atleast_1d(qq), n)
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


def polyblep_saw(freq, *, sr=SR, phase=0.0):
    """Sawtooth whose frequency may change every sample (glides, vibrato), anti-aliased.

    ``freq`` is an array of instantaneous frequencies (Hz), one per sample; the phase is
    their running sum. The naive ramp ``2 p - 1`` jumps once per cycle; PolyBLEP (Välimäki &
    Huovilainen, "Antialiasing Oscillators in Subtractive Synthesis", IEEE Signal Processing
    Magazine 24(2), 2007) replaces the two samples around each jump with a polynomial
    band-limited step, which removes most of the audible aliasing at almost no cost.
    """
    f = np.asarray(freq, dtype=np.float64)
    dt = np.clip(f / sr, 1e-9, 0.5)
    p = (phase / (2 * np.pi) + np.concatenate([[0.0], np.cumsum(dt)[:-1]])) % 1.0
    y = 2.0 * p - 1.0
    lo = p < dt
    u = p[lo] / dt[lo]
    y[lo] -= 2.0 * u - u * u - 1.0
    hi = p > 1.0 - dt
    u = (p[hi] - 1.0) / dt[hi]
    y[hi] -= u * u + 2.0 * u + 1.0
    return y


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
        fenv = env if filter_env is None else _fit(filter_env, n)
        peak = np.max(np.abs(fenv)) if len(fenv) else 1.0
        fenv = fenv / peak if peak > 0 else fenv
        cut = cutoff * 2.0 ** (filter_env_amount * fenv)
    else:
        cut = cutoff
    return resonant_lowpass(osc, cut, resonance, sr=sr) * env


# ---------------------------------------------------------------------------------------------
# FM
# ---------------------------------------------------------------------------------------------


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
    idx = index * (_fit(index_env, n) if index_env is not None else 1.0)
    y = np.sin(2 * np.pi * freq * t + idx * np.sin(2 * np.pi * ratio * freq * t))
    if env is not None:
        return amp * y * np.asarray(env, dtype=np.float64)
    return amp * fade(y, 0.005, 0.005, sr=sr)


# ---------------------------------------------------------------------------------------------
# wavetable
# ---------------------------------------------------------------------------------------------

_TABLE_SIZE = 4096


def default_tables():
    """Four single-cycle tables from soft to bright: sine, triangle, sawtooth, square
    (additive, 64 harmonics, each scaled to a peak of 1)."""
    k = np.arange(1, 65)
    odd = k % 2 == 1
    spectra = [
        np.where(k == 1, 1.0, 0.0),
        np.where(odd, (-1.0) ** ((k - 1) // 2) / k ** 2, 0.0),
        (-1.0) ** (k + 1) / k,
        np.where(odd, 1.0 / k, 0.0),
    ]
    tables = []
    for amps in spectra:
        spec = np.zeros(_TABLE_SIZE // 2 + 1, dtype=complex)
        spec[1:65] = -0.5j * _TABLE_SIZE * amps
        t = np.fft.irfft(spec, n=_TABLE_SIZE)
        tables.append(t / np.max(np.abs(t)))
    return tables


def _bandlimit_table(table, freq, sr):
    """Resample one cycle to the table size and drop harmonics at or above Nyquist."""
    table = np.asarray(table, dtype=np.float64).ravel()
    if len(table) < 2:
        raise ValueError("a wavetable needs at least two samples per cycle")
    spec = np.fft.rfft(table)
    out = np.zeros(_TABLE_SIZE // 2 + 1, dtype=complex)
    kmax = min(len(spec) - 1, _TABLE_SIZE // 2 - 1, int(np.ceil(sr / 2 / freq)) - 1)
    out[:kmax + 1] = spec[:kmax + 1] * (_TABLE_SIZE / len(table))
    out[0] = 0.0  # no DC
    return np.fft.irfft(out, n=_TABLE_SIZE)


def wavetable(freq, seconds, tables=None, position_env=None, *, sr=SR, env=None, amp=1.0):
    """Wavetable voice: plays single-cycle waveforms and morphs between them over time.

    - ``tables``: a list of one-cycle waveforms (any length each); default
      :func:`default_tables` (sine → triangle → sawtooth → square, soft to bright). Each is
      band-limited for ``freq`` (harmonics at or above Nyquist removed), so high notes do not
      alias.
    - ``position_env``: where in the list to read, 0 = first table, 1 = last, in between
      a crossfade of the two neighbouring tables. A number holds one position; an array is
      resampled over the note; ``None`` sweeps from 0 to 1 across the note.
    - ``env``: amplitude envelope (the output then has ``len(env)`` samples); otherwise
      ``round(seconds * sr)`` samples with 5 ms fades.
    """
    tables = default_tables() if tables is None else list(tables)
    if len(tables) < 1:
        raise ValueError("need at least one table")
    bank = np.array([_bandlimit_table(t, freq, sr) for t in tables])
    if len(bank) == 1:
        bank = np.vstack([bank, bank])
    k = len(bank)
    n = len(env) if env is not None else n_samples(seconds, sr)
    if position_env is None:
        pos = np.linspace(0.0, 1.0, n)
    else:
        pos = _fit(position_env, n)
    u = np.clip(pos, 0.0, 1.0) * (k - 1)
    j = np.minimum(np.floor(u).astype(np.int64), k - 2)
    w = u - j
    phase = (freq * np.arange(n) / sr) % 1.0 * _TABLE_SIZE
    i = np.floor(phase).astype(np.int64)
    f = phase - i
    i1 = (i + 1) % _TABLE_SIZE

    def read(row):
        return bank[row, i] + f * (bank[row, i1] - bank[row, i])

    y = (1.0 - w) * read(j) + w * read(j + 1)
    if env is not None:
        return amp * y * np.asarray(env, dtype=np.float64)
    return amp * fade(y, 0.005, 0.005, sr=sr)


# ---------------------------------------------------------------------------------------------
# granular
# ---------------------------------------------------------------------------------------------


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

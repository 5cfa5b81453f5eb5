"""Wavetable synthesis: band-limited single-cycle tables, morphing over time."""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.dsp import fade, n_samples
from soundlib.synth.envelopes import resample_curve

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
        pos = resample_curve(position_env, n)
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

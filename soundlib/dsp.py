"""Basic signal utilities: level conversions, gain, fades, mixing, measurements, and
the track helpers every recipe uses (scale to a peak or RMS level, fit to a length, place
a sound on a track at a time, process channel by channel).

All functions accept mono ``(n,)`` or stereo ``(n, 2)`` float64 arrays (full scale ±1.0)
and return new arrays; inputs are never modified in place, except the ``track`` that
``place`` and ``add_at`` add into (that is their purpose).
"""

from __future__ import annotations

import numpy as np

from soundlib import SR

__all__ = [
    "db_to_gain", "gain_to_db", "gain", "fade", "mix", "concat", "stereo", "mono",
    "peak_dbfs", "rms_dbfs", "crest_factor_db", "delay_samples", "pad", "as_audio",
    "n_samples", "to_peak", "to_rms", "fit", "place", "add_at", "per_channel",
]


def as_audio(x) -> np.ndarray:
    """Return ``x`` as a float64 audio array, checking the shape is ``(n,)`` or ``(n, 2)``.

    A ``(n, 1)`` array is flattened to mono. Raises ``ValueError`` for any other shape.
    """
    a = np.asarray(x, dtype=np.float64)
    if a.ndim == 2 and a.shape[1] == 1:
        a = a[:, 0]
    if a.ndim == 1 or (a.ndim == 2 and a.shape[1] == 2):
        return a
    raise ValueError(
        f"audio must have shape (n,) for mono or (n, 2) for stereo, got {a.shape}"
    )


def n_samples(seconds: float, sr: int = SR) -> int:
    """Number of samples in ``seconds`` at ``sr``: ``round(seconds * sr)`` (never negative)."""
    if seconds < 0:
        raise ValueError(f"duration must not be negative, got {seconds} s")
    return int(round(seconds * sr))


def db_to_gain(db):
    """Convert a level change in dB to a linear amplitude factor: ``10 ** (db / 20)``.

    +6.02 dB doubles the amplitude; -inf dB gives 0.
    """
    return np.power(10.0, np.asarray(db, dtype=np.float64) / 20.0)[()]


def gain_to_db(g):
    """Convert a linear amplitude factor to dB: ``20 * log10(|g|)``; a factor of 0 gives -inf."""
    g = np.abs(np.asarray(g, dtype=np.float64))
    with np.errstate(divide="ignore"):
        return (20.0 * np.log10(g))[()]


def gain(x, db: float) -> np.ndarray:
    """Change the level of ``x`` by ``db`` decibels (multiply by ``10 ** (db / 20)``)."""
    return as_audio(x) * float(db_to_gain(db))


def fade(x, fade_in: float = 0.01, fade_out: float = 0.01, sr: int = SR) -> np.ndarray:
    """Apply a fade-in and a fade-out, in seconds, with raised-cosine (half-Hann) ramps.

    The ramp ``0.5 * (1 - cos(pi * t / T))`` has no corner at either end, so it avoids
    the click an abrupt start or stop would make. A 10 ms fade (the default) is short
    enough to be heard as an instant start, long enough to be click-free. Fades longer
    than the signal are shortened to its length.
    """
    y = as_audio(x).copy()
    n = len(y)
    for seconds, ramp_up in ((fade_in, True), (fade_out, False)):
        m = min(n_samples(seconds, sr), n)
        if m == 0:
            continue
        ramp = 0.5 * (1.0 - np.cos(np.pi * (np.arange(m) + 0.5) / m))
        if not ramp_up:
            ramp = ramp[::-1]
        if y.ndim == 2:
            ramp = ramp[:, None]
        if ramp_up:
            y[:m] *= ramp
        else:
            y[n - m:] *= ramp
    return y


def stereo(x) -> np.ndarray:
    """Return ``x`` as stereo ``(n, 2)``: a mono signal is copied to both channels
    (it sounds centered); a stereo signal is returned as a copy."""
    a = as_audio(x)
    if a.ndim == 2:
        return a.copy()
    return np.column_stack([a, a])


def mono(x) -> np.ndarray:
    """Return ``x`` as mono: the average of the channels, ``(L + R) / 2``.

    Averaging (rather than summing) keeps a centered source at the same level and cannot
    clip; content that is out of phase between the channels cancels, as in any mono
    fold-down. A mono signal is returned as a copy.
    """
    a = as_audio(x)
    if a.ndim == 1:
        return a.copy()
    return a.mean(axis=1)


def _match(signals) -> list[np.ndarray]:
    """Convert signals to audio arrays; if any is stereo, make them all stereo."""
    arrs = [as_audio(s) for s in signals]
    if any(a.ndim == 2 for a in arrs):
        arrs = [stereo(a) if a.ndim == 1 else a for a in arrs]
    return arrs


def mix(*signals) -> np.ndarray:
    """Sum signals sample by sample, as a mixing bus does.

    Shorter signals are padded with silence to the longest; if any signal is stereo, mono
    signals are copied to both channels first. No gain is applied: keep each signal's
    level low enough that the sum stays within ±1.0.
    """
    if not signals:
        raise ValueError("mix() needs at least one signal")
    arrs = _match(signals)
    n = max(len(a) for a in arrs)
    out = np.zeros((n,) + arrs[0].shape[1:])
    for a in arrs:
        out[: len(a)] += a
    return out


def concat(*signals, gap: float = 0.0, sr: int = SR) -> np.ndarray:
    """Join signals one after another, with ``gap`` seconds of silence between them.

    If any signal is stereo the result is stereo.
    """
    if not signals:
        raise ValueError("concat() needs at least one signal")
    arrs = _match(signals)
    g = np.zeros((n_samples(gap, sr),) + arrs[0].shape[1:])
    parts = []
    for i, a in enumerate(arrs):
        if i:
            parts.append(g)
        parts.append(a)
    return np.concatenate(parts, axis=0)


def peak_dbfs(x) -> float:
    """Sample peak level in dBFS: ``20 * log10(max |x|)`` over all samples and channels.

    A full-scale sine reads 0 dBFS; silence reads -inf. This is the sample peak: the
    reconstructed waveform can peak higher between samples (see
    ``soundlib.loudness.true_peak_dbtp``).
    """
    a = as_audio(x)
    if a.size == 0:
        return float("-inf")
    return float(gain_to_db(np.max(np.abs(a))))


def rms_dbfs(x) -> float:
    """RMS level in dBFS: ``20 * log10(sqrt(mean(x ** 2)))``, over all samples and channels.

    The reference is a full-scale square wave (RMS 1.0), so a full-scale sine reads
    -3.01 dBFS. (AES17 instead references a full-scale sine to 0 dB, 3.01 dB higher.)
    Silence reads -inf.
    """
    a = as_audio(x)
    if a.size == 0:
        return float("-inf")
    return float(gain_to_db(np.sqrt(np.mean(a ** 2))))


def crest_factor_db(x) -> float:
    """Crest factor in dB: peak level minus RMS level.

    A sine has 3.01 dB, a square wave 0 dB, uniform white noise 4.77 dB; drums and
    speech typically 12 to 20 dB. Returns nan for silence.
    """
    p, r = peak_dbfs(x), rms_dbfs(x)
    if np.isneginf(r):
        return float("nan")
    return p - r


def delay_samples(x, n: int) -> np.ndarray:
    """Delay ``x`` by ``n`` whole samples by prepending ``n`` zeros.

    The result is ``n`` samples longer than ``x`` (nothing is cut off); use ``mix`` to add
    it to the original (``mix`` pads the shorter signal).
    """
    n = int(n)
    if n < 0:
        raise ValueError(f"delay must be a non-negative number of samples, got {n}")
    a = as_audio(x)
    return np.concatenate([np.zeros((n,) + a.shape[1:]), a], axis=0)


def pad(x, seconds: float, sr: int = SR, before: float = 0.0) -> np.ndarray:
    """Append ``seconds`` of silence after ``x`` (and ``before`` seconds ahead of it)."""
    a = as_audio(x)
    shape = a.shape[1:]
    return np.concatenate(
        [np.zeros((n_samples(before, sr),) + shape), a, np.zeros((n_samples(seconds, sr),) + shape)],
        axis=0,
    )


# ---------------------------------------------------------------------------------------------
# track helpers: levels, lengths, placement
# ---------------------------------------------------------------------------------------------


def to_peak(x, peak_db: float) -> np.ndarray:
    """Scale ``x`` so that its sample peak is ``peak_db`` dBFS.

    The factor is ``db_to_gain(peak_db) / peak``; at 0 dBFS the samples are divided by the
    peak instead, so the loudest sample becomes exactly ±1.0. Silence (and an empty array)
    is returned unchanged.
    """
    a = as_audio(x)
    peak = float(np.max(np.abs(a))) if a.size else 0.0
    if peak == 0.0:
        return a
    if peak_db == 0.0:
        return a / peak
    return a * (float(db_to_gain(peak_db)) / peak)


def to_rms(x, rms_db: float) -> np.ndarray:
    """Scale ``x`` so that its RMS level (see ``rms_dbfs``) is ``rms_db`` dBFS.

    Silence (and an empty array) is returned unchanged.
    """
    level = rms_dbfs(x)
    if np.isneginf(level):
        return as_audio(x)
    return gain(x, rms_db - level)


def fit(x, n: int) -> np.ndarray:
    """Trim ``x`` to ``n`` samples, or extend it with silence to ``n`` samples."""
    a = as_audio(x)
    n = int(n)
    if n < 0:
        raise ValueError(f"length must not be negative, got {n} samples")
    if len(a) >= n:
        return a[:n].copy()
    return np.concatenate([a, np.zeros((n - len(a),) + a.shape[1:])])


def add_at(track: np.ndarray, sound, start: int, gain: float = 1.0) -> np.ndarray:
    """Add ``gain * sound`` into ``track`` (in place) from sample index ``start`` on.

    Whatever would fall after the end of the track is cut off; a negative ``start`` cuts
    off the beginning of the sound instead. ``track`` and ``sound`` must both be mono or
    both stereo. Returns ``track``.
    """
    i = int(start)
    if i >= len(track) or gain == 0:
        return track
    if i < 0:
        sound, i = sound[-i:], 0
    m = min(len(sound), len(track) - i)
    if m > 0:
        track[i:i + m] += gain * sound[:m]
    return track


def place(track: np.ndarray, sound, t: float, gain: float = 1.0, *, sr: int = SR) -> np.ndarray:
    """Add ``gain * sound`` into ``track`` (in place) starting at ``t`` seconds.

    The start is the nearest sample, ``round(t * sr)``; see ``add_at`` for the ends.
    Returns ``track``.
    """
    return add_at(track, sound, int(round(t * sr)), gain)


def per_channel(fn, x) -> np.ndarray:
    """Apply ``fn`` (a function of one mono array) to each channel of ``x``.

    Mono input gives ``fn(x)``; stereo input gives the processed channels side by side,
    ``(n, 2)``. Every result is returned as a float64 array.
    """
    a = as_audio(x)
    if a.ndim == 1:
        return np.asarray(fn(a), dtype=np.float64)
    return np.column_stack([np.asarray(fn(a[:, c]), dtype=np.float64)
                            for c in range(a.shape[1])])

"""Time: envelopes, level percentiles, onsets and events, echoes, decay times, timing
(swing and jitter) and the lag between channels."""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.analysis.levels import _as_array, rms_db, segment, view
from soundlib.analysis.spectra import band_filter


def interchannel_lag_ms(x, sr: int = SR, max_ms: float = 200.0) -> float:
    """How much later the right channel is than the left, in ms (cross-correlation peak)."""
    from scipy.signal import correlate, correlation_lags

    x = _as_array(x)
    if x.ndim == 1:
        return 0.0
    left, right = x[:, 0], x[:, 1]
    corr = correlate(right, left, mode="full", method="fft")
    lags = correlation_lags(len(right), len(left), mode="full")
    keep = np.abs(lags) <= max_ms * sr / 1000.0
    return float(lags[keep][np.argmax(corr[keep])] * 1000.0 / sr)


def envelope_db(x, sr: int = SR, window_ms: float = 20.0) -> np.ndarray:
    """Short-term RMS level in dBFS, one value per ``window_ms`` block (no overlap)."""
    x = _as_array(x)
    n = max(1, int(sr * window_ms / 1000.0))
    blocks = len(x) // n
    if blocks == 0:
        raise ValueError(f"signal shorter than one {window_ms} ms block")
    sq = np.square(x[: blocks * n])
    if sq.ndim == 2:
        sq = sq.mean(axis=1)
    p = sq.reshape(blocks, n).mean(axis=1)
    return 10.0 * np.log10(np.maximum(p, 1e-20))


def level_percentile_db(x, sr: int = SR, pct: float = 20.0, window_ms: float = 20.0,
                        relative: bool = True) -> float:
    """The ``pct``-th percentile of the short-term level (quiet moments for a low ``pct``),
    relative to the signal's RMS level unless ``relative`` is False."""
    value = float(np.percentile(envelope_db(x, sr, window_ms), pct))
    return value - rms_db(x, sr) if relative else value


def level_spread_db(x, sr: int = SR, hi_pct: float = 99.0, lo_pct: float = 30.0,
                    window_ms: float = 20.0) -> float:
    """Loud moments minus quiet moments: the ``hi_pct``-th minus the ``lo_pct``-th percentile
    of the short-term level, in dB (smaller: denser, more compressed; for a pair, the
    decrease is how far the quiet parts came up relative to the hits)."""
    env = envelope_db(x, sr, window_ms)
    return float(np.percentile(env, hi_pct) - np.percentile(env, lo_pct))


def envelope_rate_hz(x, sr: int = SR, lo: float = 0.5, hi: float = 20.0) -> float:
    """The strongest rate at which the level swells and fades (beats, tremolo, pumping), Hz."""
    env = np.power(10.0, envelope_db(x, sr, 5.0) / 20.0)
    env = env - env.mean()
    rate = 200.0  # 5 ms blocks
    spec = np.abs(np.fft.rfft(env * np.hanning(len(env)), n=max(8192, len(env))))
    f = np.fft.rfftfreq(max(8192, len(env)), 1.0 / rate)
    band = (f >= lo) & (f <= hi)
    return float(f[band][np.argmax(spec[band])])


def blocks(x, sr: int = SR, threshold_db: float = -50.0, min_gap_s: float = 0.1,
           min_len_s: float = 0.05) -> list[tuple[float, float]]:
    """The sounding blocks of a signal made of sections separated by silence: a list of
    ``(start, end)`` times in seconds where the 5 ms level is within ``threshold_db`` of the
    loudest 5 ms block; gaps shorter than ``min_gap_s`` do not split a block."""
    env = envelope_db(x, sr, 5.0)
    on = env > env.max() + threshold_db
    step = 0.005
    found: list[list[float]] = []
    for i, flag in enumerate(on):
        if not flag:
            continue
        t = i * step
        if found and t - found[-1][1] < min_gap_s:
            found[-1][1] = t + step
        else:
            found.append([t, t + step])
    return [(a, b) for a, b in found if b - a >= min_len_s]


def block(x, sr: int = SR, index: int = 0, threshold_db: float = -50.0,
          min_gap_s: float = 0.1, trim_s: float = 0.05) -> np.ndarray:
    """Block ``index`` of ``blocks(...)`` (negative counts from the end), trimmed by
    ``trim_s`` at both ends so that fades do not count."""
    found = blocks(x, sr, threshold_db, min_gap_s)
    try:
        a, b = found[index]
    except IndexError:
        raise ValueError(f"block {index} asked for, but the signal has {len(found)} blocks "
                         f"({', '.join(f'{s:.2f}-{e:.2f} s' for s, e in found)})") from None
    if b - a > 4 * trim_s:
        a, b = a + trim_s, b - trim_s
    return segment(x, sr, a, b)


def silence_onset_s(x, sr: int = SR, threshold_db: float = -120.0) -> float:
    """The time after which the signal stays below ``threshold_db`` dBFS (5 ms blocks) to
    the end; the duration if the end is not silent."""
    env = envelope_db(x, sr, 5.0)
    loud = np.nonzero(env > threshold_db)[0]
    return (loud[-1] + 1) * 0.005 if loud.size else 0.0


def time_to_peak_s(x, sr: int = SR) -> float:
    """Time of the loudest 5 ms block from the start of ``x``."""
    return float(np.argmax(envelope_db(x, sr, 5.0)) * 0.005)


def event_times_levels(x, sr: int = SR, threshold_db: float = -25.0,
                       min_gap_s: float = 0.2, block_ms: float = 5.0) -> tuple[np.ndarray, np.ndarray]:
    """Onsets of separate events (footsteps, hits): times (s) where the 5 ms level first
    rises above ``threshold_db`` relative to the loudest block after at least ``min_gap_s``
    below it, and each event's peak level (dBFS) up to the next onset (``block_ms`` blocks)."""
    step = block_ms / 1000.0
    env = envelope_db(x, sr, block_ms)
    above = env > env.max() + threshold_db
    onsets: list[int] = []
    last_above = -10**9
    for i, flag in enumerate(above):
        if flag:
            if (i - last_above) * step >= min_gap_s:
                onsets.append(i)
            last_above = i
    bounds = onsets + [len(env)]
    levels = [float(env[a:b].max()) for a, b in zip(bounds[:-1], bounds[1:])]
    return np.array(onsets) * step, np.array(levels)


def event_count(x, sr: int = SR, threshold_db: float = -25.0, min_gap_s: float = 0.2) -> float:
    """Number of separate events (see ``event_times_levels``)."""
    return float(len(event_times_levels(x, sr, threshold_db, min_gap_s)[0]))


def event_level_range_db(x, sr: int = SR, threshold_db: float = -25.0,
                         min_gap_s: float = 0.2) -> float:
    """Loudest event peak minus quietest event peak, in dB."""
    levels = event_times_levels(x, sr, threshold_db, min_gap_s)[1]
    return float(levels.max() - levels.min()) if levels.size else 0.0


def event_interval_spread_ms(x, sr: int = SR, threshold_db: float = -25.0,
                             min_gap_s: float = 0.2) -> float:
    """Longest minus shortest interval between event onsets, in ms (0 for a metronome)."""
    t = event_times_levels(x, sr, threshold_db, min_gap_s)[0]
    d = np.diff(t)
    return float((d.max() - d.min()) * 1000.0) if d.size else 0.0


def swing_offset_ms(x, sr: int = SR, bpm: float = 96.0, lo: float = 6000.0) -> float:
    """How late the off-beat sixteenth notes fall behind the straight grid, in ms, from the
    onsets above ``lo`` Hz (hi-hats; ``onsets_s``): each onset's position within the
    eighth-note period (counted from the first onset), the median of the off-beats minus the
    median of the on-beats, minus half a period."""
    times = onsets_s(x, sr, lo)
    period = 60.0 / bpm / 2
    phase = np.mod(times - times[0] + period / 4, period) - period / 4
    on = phase[phase < period / 4]
    off = phase[phase >= period / 4]
    if not on.size or not off.size:
        raise ValueError("no on-beat or no off-beat onsets found")
    return float((np.median(off) - np.median(on) - period / 2) * 1000.0)


def rise_time_s(x, sr: int = SR, within_db: float = 3.0) -> float:
    """Time from the first sound (40 dB below the maximum) until the 5 ms level first comes
    within ``within_db`` of its maximum: how slow the attack is."""
    env = envelope_db(x, sr, 5.0)
    top = env.max()
    start = int(np.argmax(env > top - 40.0))
    reach = int(np.argmax(env >= top - within_db))
    return float((reach - start) * 0.005)


def echo_delay_ms(x, sr: int = SR, lo_ms: float = 100.0, hi_ms: float = 1000.0) -> float:
    """The lag, between ``lo_ms`` and ``hi_ms``, at which the waveform best matches a delayed
    copy of itself (autocorrelation peak): the time of a delay effect's echo, in ms."""
    from scipy.signal import correlate

    a = np.asarray(view(x, "mono"), dtype=np.float64)
    c = correlate(a, a, mode="full", method="fft")[len(a) - 1:]
    lo, hi = int(lo_ms * sr / 1000), int(hi_ms * sr / 1000)
    return float((lo + int(np.argmax(c[lo:hi]))) * 1000.0 / sr)


def onset_jitter_ms(x, sr: int = SR, bpm: float = 96.0, lo: float = 6000.0) -> float:
    """Standard deviation, in ms, of the onsets above ``lo`` Hz (hi-hats; ``onsets_s``)
    around the sixteenth-note grid (anchored at their median offset): 0 for a quantized part."""
    times = onsets_s(x, sr, lo)
    step = 60.0 / bpm / 4
    dev = np.mod(times + step / 2, step) - step / 2
    dev = np.mod(dev - np.median(dev) + step / 2, step) - step / 2
    return float(np.std(dev) * 1000.0)


def framewise_peak_boost_db(x, sr: int = SR, ref=None, frame_s: float = 0.1,
                            lo: float = 100.0, hi: float = 8000.0) -> float:
    """Median over frames of the largest boost of ``x`` over ``ref`` at any frequency in
    ``lo``..``hi`` Hz, relative to the frame's median boost, in dB: the height of a
    resonant peak that ``x`` has and ``ref`` (the same sound without it) lacks."""
    a, b = np.asarray(view(x, "mono")), np.asarray(view(ref, "mono"))
    n = int(frame_s * sr)
    win = np.hanning(n)
    f = np.fft.rfftfreq(n, 1.0 / sr)
    band = (f >= lo) & (f <= hi)
    values = []
    for i in range(0, min(len(a), len(b)) - n, n):
        pa = np.abs(np.fft.rfft(a[i:i + n] * win))[band] ** 2
        pb = np.abs(np.fft.rfft(b[i:i + n] * win))[band] ** 2
        if pa.sum() < 1e-12 or pb.sum() < 1e-12:
            continue
        k = np.ones(5) / 5
        ratio = 10 * np.log10(np.maximum(np.convolve(pa, k, "same"), 1e-30)
                              / np.maximum(np.convolve(pb, k, "same"), 1e-30))
        values.append(ratio.max() - np.median(ratio))
    return float(np.median(values)) if values else 0.0


def onsets_s(x, sr: int = SR, lo: float | None = None, rise_db: float = 10.0,
             min_gap_s: float = 0.06) -> np.ndarray:
    """Onset times (s): moments where the 1 ms level (of the band above ``lo`` Hz, if
    given) jumps by more than ``rise_db`` within 10 ms, at least ``min_gap_s`` apart."""
    y = band_filter(view(x, "mono"), sr, lo, None) if lo else view(x, "mono")
    env = envelope_db(y, sr, 1.0)
    env = np.maximum(env, env.max() - 60.0)
    lag = 10
    rise = np.full_like(env, -np.inf)
    for k in range(1, lag + 1):
        rise[lag:] = np.maximum(rise[lag:], env[lag:] - env[lag - k:len(env) - k])
    found: list[int] = []
    i = lag
    while i < len(env):
        if rise[i] > rise_db:
            j = min(len(env), i + int(min_gap_s * 1000))
            found.append(i - lag + int(np.argmax(env[i - lag:i + 1] >= env[i] - 3.0)))
            i = j
        else:
            i += 1
    return np.array(found) / 1000.0


def decay_time_s(x, sr: int = SR, start_db: float = -5.0, end_db: float = -25.0) -> float:
    """Reverberation time (RT60) of a sound's decay, in seconds: the Schroeder backward
    integral of the squared signal, a straight line fitted from ``start_db`` to ``end_db``
    below its start (T20 by default), extrapolated to 60 dB. Give it one hit and its tail,
    with nothing after it."""
    from numpy.polynomial import polynomial as poly

    y = np.square(np.asarray(view(x, "mono"), dtype=np.float64))
    y = y[int(np.argmax(y)):]
    edc = np.cumsum(y[::-1])[::-1]
    edc_db = 10.0 * np.log10(np.maximum(edc / edc[0], 1e-30))
    idx = np.nonzero((edc_db <= start_db) & (edc_db >= end_db))[0]
    if idx.size < 10:
        raise ValueError("the decay does not span the fitting range")
    slope = poly.polyfit(idx / sr, edc_db[idx], 1)[1]
    return float(-60.0 / slope)

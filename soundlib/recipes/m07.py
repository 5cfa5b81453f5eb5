"""Audio examples for Module 7: Mastering.

Every recipe starts from the same short piece of music (``music.song_stems`` ->
``music.rough_mix``) so the learner hears each mastering step on one familiar
mix. The mix is first set to a sample peak of -6 dBFS, the headroom a mix
engineer would typically leave for mastering, so that gain figures in the
lesson text (for example "3 dB of limiting") are exact.
"""

from functools import lru_cache

import numpy as np

from soundlib import SR, digital, dsp, dynamics, effects, filters, loudness, music
from soundlib import generators as g
from soundlib.recipes import recipe

BPM = 96
MIX_PEAK_DBFS = -6.0


# --------------------------------------------------------------------------- helpers

@lru_cache(maxsize=4)
def _stems(bars, bpm):
    return dict(music.song_stems(bars=bars, bpm=bpm))


def _stems_copy(bars=4, bpm=BPM):
    """A fresh copy of the song's stems (the stems are cached: they take seconds to make)."""
    return {k: np.array(v, dtype=np.float64, copy=True) for k, v in _stems(bars, bpm).items()}


@lru_cache(maxsize=4)
def _mix_cached(bars, bpm):
    return dsp.to_peak(dsp.stereo(music.rough_mix(_stems_copy(bars, bpm), bpm=bpm)), MIX_PEAK_DBFS)


def _mix(bars=4, bpm=BPM):
    """The module's reference rough mix, stereo, sample peak at -6 dBFS."""
    return _mix_cached(bars, bpm).copy()


def _master_eq(x):
    """A gentle master EQ: three broad moves of 1.5 dB or less."""
    def chain(c):
        c = filters.biquad(c, "lowshelf", 60.0, q=0.7071, gain_db=1.0)
        c = filters.biquad(c, "peak", 300.0, q=0.8, gain_db=-1.5)
        return filters.biquad(c, "highshelf", 10000.0, q=0.7071, gain_db=1.5)
    return dsp.per_channel(chain, x)


def _limit(x, ceiling_db=-1.0):
    return dynamics.limit(x, ceiling_db=ceiling_db, release_ms=80, lookahead_ms=5)


def _master_to(x, target_lufs, ceiling_db=-1.0):
    """Gain into a limiter, searched (secant method) until the result measures target_lufs."""
    def run(drive_db):
        y = _limit(dsp.gain(x, drive_db), ceiling_db)
        return y, float(loudness.integrated_lufs(y))

    d0 = target_lufs - float(loudness.integrated_lufs(x))
    y0, l0 = run(d0)
    if abs(l0 - target_lufs) < 0.1:
        return y0
    d1 = d0 + 2.0 * (target_lufs - l0)
    y1, l1 = run(d1)
    for _ in range(10):
        if abs(l1 - target_lufs) < 0.1:
            break
        slope = (l1 - l0) / (d1 - d0) if d1 != d0 else 0.5
        slope = min(max(slope, 0.05), 1.0)
        d0, l0 = d1, l1
        d1 = min(d1 + (target_lufs - l1) / slope, 40.0)
        y1, l1 = run(d1)
    return y1


def _codec_stand_in(x):
    """Stand-in for a lossy encode and decode: band-limit at 16 kHz, as many encoders do.

    It is not a real codec, but it changes the waveform between the original samples
    in the same way, so peaks that sat between samples come out higher.
    """
    return dsp.per_channel(lambda c: filters.lowpass(c, 16000.0, order=8), x)


def _hot_master(x):
    """A loud master made the careless way: a limiter plus a clipper at -0.1 dBFS sample peak."""
    y = _limit(dsp.gain(x, 9.0), ceiling_db=1.5)
    return effects.hard_clip(y, ceiling=float(dsp.db_to_gain(-0.1)))


# --------------------------------------------------------------------------- lesson 1

@recipe("m07-level-bias")
def level_bias(offset_db: float = 0.0, bars: int = 4):
    """The rough mix at -22 LUFS plus offset_db (play with :loudness: none)."""
    x = _mix(bars)
    return dsp.gain(x, -22.0 + offset_db - float(loudness.integrated_lufs(x)))


# --------------------------------------------------------------------------- lesson 2

@recipe("m07-master-eq")
def master_eq(eq: bool = True, bars: int = 4):
    """The rough mix with or without a gentle three-band master EQ."""
    x = _mix(bars)
    return _master_eq(x) if eq else x


@recipe("m07-low-end")
def low_end(mode: str = "wide", crossover_hz: float = 150.0, bars: int = 4):
    """A mix whose bass is spread across the stereo field, and its fixes.

    mode="wide": bass in the left channel and a 4 ms delayed copy in the right, so the
    bass has a large side component (about 180 degrees apart at 125 Hz).
    mode="mono-below": the same mix with the side signal high-passed at crossover_hz,
    which makes everything below that frequency mono (the mastering M/S move). The mid,
    (L + R) / 2, is untouched, so the bass that cancels in the mono sum stays canceled:
    folded to mono, this is the "mono-sum" signal exactly.
    mode="mono-sum": the wide mix folded to mono, as a mono speaker would play it.
    mode="centered": the fix in the mix: one copy of the bass, without delay, in both channels,
    scaled by the same gain as "wide", so nothing cancels when it is folded to mono.
    """
    if mode not in ("wide", "mono-below", "mono-sum", "centered"):
        raise ValueError(f"mode must be 'wide', 'mono-below', 'mono-sum' or 'centered', not {mode!r}")
    stems = _stems_copy(bars, BPM)
    bass_key = next((k for k in stems if "bass" in str(k).lower()), None)
    if bass_key is not None:
        bass = dsp.mono(stems.pop(bass_key))
    else:
        bass = dsp.mono(music.bass_line(bars=bars, bpm=BPM))
    rest = dsp.stereo(music.rough_mix(stems, bpm=BPM))
    n = max(len(rest), len(bass))
    rest = dsp.fit(rest, n)
    bass = dsp.fit(bass, n)
    bass = dsp.to_peak(bass, dsp.peak_dbfs(rest) - 2.0)
    delayed = dsp.fit(np.concatenate([np.zeros(int(0.004 * SR)), bass]), n)
    wide = rest + np.stack([bass, delayed], axis=1)
    # One gain for every mode, so "centered" plays its bass at the level "wide" gives it.
    scale = float(dsp.db_to_gain(MIX_PEAK_DBFS)) / float(np.max(np.abs(wide)))
    if mode == "centered":
        return (rest + np.stack([bass, bass], axis=1)) * scale
    wide = wide * scale
    if mode == "wide":
        return wide
    if mode == "mono-sum":
        m = 0.5 * (wide[:, 0] + wide[:, 1])
        return np.stack([m, m], axis=1)
    mid, side = effects.ms_encode(wide)
    side = filters.highpass(dsp.mono(side), crossover_hz, order=4)
    return dsp.stereo(effects.ms_decode(mid, side))


# --------------------------------------------------------------------------- lesson 3

@recipe("m07-limited")
def limited(reduction_db: float = 3.0, bars: int = 4):
    """The mastered mix driven into a -1 dBFS limiter so its loudest peaks lose reduction_db."""
    x = _master_eq(_mix(bars))
    x = dsp.to_peak(x, MIX_PEAK_DBFS)
    return _limit(dsp.gain(x, (-1.0 - MIX_PEAK_DBFS) + reduction_db), ceiling_db=-1.0)


@recipe("m07-overs")
def overs(headroom: bool = False, bars: int = 4):
    """A loud master played through a band-limiting 'codec' and a fixed-point output that clips at 0 dBFS.

    headroom=False: the master's sample peaks sit at -0.1 dBFS, its true peak above 0 dBTP.
    headroom=True: the same master turned down until its true peak is -1 dBTP.
    The result is returned 6 dB down so that the file itself never touches full scale.
    """
    hot = _hot_master(_master_eq(_mix(bars)))
    if headroom:
        hot = dsp.gain(hot, -1.0 - float(loudness.true_peak_dbtp(hot)))
    decoded = effects.hard_clip(_codec_stand_in(hot), ceiling=1.0)
    return dsp.gain(decoded, -6.0)


@recipe("m07-overs-residue")
def overs_residue(bars: int = 4):
    """Only what the 0 dBFS clip removed from the hot master after the 'codec' (play with :loudness: none)."""
    hot = _hot_master(_master_eq(_mix(bars)))
    decoded = _codec_stand_in(hot)
    residue = decoded - effects.hard_clip(decoded, ceiling=1.0)
    if float(np.max(np.abs(residue))) == 0.0:
        return np.zeros_like(residue)
    return dsp.to_peak(residue, -6.0)


# --------------------------------------------------------------------------- lesson 4

@recipe("m07-k-weighting-demo")
def k_weighting_demo(rms_dbfs: float = -26.0, seconds: float = 3.0):
    """Two noise bands at the same RMS level: 60-150 Hz, then above 2 kHz (play with :loudness: none)."""
    low = filters.highpass(filters.lowpass(g.pink_noise(seconds, seed=11), 150.0, order=4), 60.0, order=4)
    high = filters.highpass(g.pink_noise(seconds, seed=12), 2000.0, order=4)
    parts = []
    for band in (low, high):
        band = np.asarray(band, dtype=np.float64)
        band = band * float(dsp.db_to_gain(rms_dbfs - dsp.rms_dbfs(band)))
        parts.append(dsp.fade(band, fade_in=0.05, fade_out=0.05))
    return dsp.concat(parts[0], parts[1], gap=0.6)


# --------------------------------------------------------------------------- lesson 5

@recipe("m07-platform")
def platform(master_lufs: float = -14.0, platform_lufs: float = -14.0, bars: int = 4):
    """Master the mix to master_lufs (limiter, -1 dBFS ceiling), then play it back the way a
    normalizing platform would: turned to platform_lufs (play with :loudness: none)."""
    x = dsp.to_peak(_master_eq(_mix(bars)), MIX_PEAK_DBFS)
    m = _master_to(x, master_lufs)
    return dsp.gain(m, platform_lufs - float(loudness.integrated_lufs(m)))


# --------------------------------------------------------------------------- lesson 6

@recipe("m07-fade")
def fade_out(curve: str = "linear", fade_seconds: float = 6.0, bars: int = 4):
    """The mix faded out over its last fade_seconds.

    curve="linear": gain falls in a straight line from 1 to 0 (linear in amplitude).
    curve="db": gain falls in a straight line in decibels, from 0 dB to -60 dB, then to silence
    in the final 50 ms.
    """
    x = _mix(bars)
    n = len(x)
    k = min(n, int(fade_seconds * SR))
    env = np.ones(n)
    t = np.linspace(0.0, 1.0, k)
    if curve == "db":
        ramp = 10.0 ** (-60.0 * t / 20.0)
        tail = min(k, 2400)
        ramp[-tail:] *= np.linspace(1.0, 0.0, tail)
    else:
        ramp = 1.0 - t
    env[n - k:] = ramp
    return x * env[:, None]


@recipe("m07-dither")
def dither_fade(dither: str = "none", bits: int = 16, start_dbfs: float = -50.0, fade_db: float = 50.0,
                bars: int = 4):
    """A quiet chord fading out, reduced to `bits` with or without TPDF dither.

    The chord peaks at start_dbfs, holds for 2 s, then falls fade_db in a straight line in
    decibels. With the defaults it ends near -100 dBFS, below half a 16-bit step (-96 dBFS).
    """
    pad = dsp.mono(music.chord_pad(bars=bars, bpm=BPM))
    pad = dsp.to_peak(pad, start_dbfs)
    n = len(pad)
    hold = min(n, 2 * SR)
    env = np.ones(n)
    env[hold:] = 10.0 ** (-fade_db * np.linspace(0.0, 1.0, n - hold) / 20.0)
    x = pad * env
    return digital.quantize(x, bits, dither=dither, noise_shaping=False, seed=7)

"""Audio examples for module 6, Mixing.

Every example is built from the same small synthesized band (kick, snare, hats, bass, pad,
lead) so that each technique is heard before and after on the same music. All randomness is
seeded; all levels are set explicitly so that thresholds mean the same thing on every build.
"""

from functools import lru_cache

import numpy as np

from soundlib import SR, dsp, dynamics, effects, filters, loudness, music
from soundlib import generators as g
from soundlib.recipes import recipe

BPM = 96
BARS = 4


# ---------------------------------------------------------------- small helpers


def _to_lufs(x, target):
    """Scale x to an integrated loudness (BS.1770) of target LUFS."""
    try:
        level = float(loudness.integrated_lufs(x))
    except Exception:  # a stem too short or too sparse to gate: fall back to RMS
        level = dsp.rms_dbfs(x) - 0.691
    if not np.isfinite(level):
        return x
    return dsp.gain(x, target - level)


def _convolve(x, h):
    """Linear convolution of a mono signal with a mono impulse response (FFT)."""
    n = len(x) + len(h) - 1
    size = 1 << (n - 1).bit_length()
    return np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(h, size), size)[:n]


def _hits(hit, times, n):
    """Mono track of length n with the one-shot `hit` placed at each time (s)."""
    hit = dsp.mono(hit)
    out = np.zeros(n)
    for t in times:
        dsp.place(out, hit, t)
    return out


def _band(bars=BARS, bpm=BPM):
    """Six mono stems at a sensible static balance (fresh copies of a cached build)."""
    return {name: x.copy() for name, x in _band_cached(bars, bpm).items()}


@lru_cache(maxsize=2)
def _band_cached(bars, bpm):
    """Build the six stems once per (bars, bpm); levels in LUFS per stem."""
    beat = 60.0 / bpm
    n = int(round(bars * 4 * beat * SR))
    beats = [k * beat for k in range(bars * 4)]
    kick = _hits(music.kick(), [t for k, t in enumerate(beats) if k % 4 in (0, 2)]
                  + [t + 1.5 * beat for k, t in enumerate(beats) if k % 4 == 2], n)
    snare = _hits(music.snare(seed=1), [t for k, t in enumerate(beats) if k % 2 == 1], n)
    hats = dsp.mix(_hits(music.hihat(seed=2), beats, n),
                dsp.gain(_hits(music.hihat(seed=3), [t + beat / 2 for t in beats], n), -4.0))
    stems = {
        "kick": _to_lufs(dsp.fit(kick, n), -24.0),
        "snare": _to_lufs(dsp.fit(snare, n), -26.0),
        "hats": _to_lufs(dsp.fit(hats, n), -33.0),
        "bass": _to_lufs(dsp.fit(dsp.mono(music.bass_line(bars=bars, bpm=bpm)), n), -25.0),
        "pad": _to_lufs(dsp.fit(dsp.mono(music.chord_pad(bars=bars, bpm=bpm)), n), -29.0),
        "lead": _to_lufs(dsp.fit(dsp.mono(music.lead(bars=bars, bpm=bpm)), n), -25.0),
    }
    return stems


def _kick_track(bars=BARS, bpm=BPM):
    """Four-on-the-floor kick, one hit per quarter note."""
    beat = 60.0 / bpm
    n = int(round(bars * 4 * beat * SR))
    return _hits(music.kick(), [k * beat for k in range(bars * 4)], n)


# Pan positions for the panned mix: -1 = hard left, +1 = hard right.
PANS = {"kick": 0.0, "snare": 0.0, "bass": 0.0, "lead": 0.0, "hats": 0.55, "pad": -0.55}


# ---------------------------------------------------------------- lesson 1: balance and pan


@recipe("m06-mix-pan")
def mix_pan(panned: bool = True):
    """The same six stems, either panned across the stereo field or all at center."""
    stems = _band()
    return dsp.to_peak(dsp.mix(*[effects.pan(x, PANS[name] if panned else 0.0)
                           for name, x in stems.items()]), -3.0)


@recipe("m06-mono-trap")
def mono_trap(mono: bool = False):
    """A mix whose pad has one channel polarity-inverted: it vanishes when summed to mono."""
    stems = _band()
    core = dsp.mix(*[effects.pan(x, 0.0) for name, x in stems.items() if name != "pad"])
    pad = dsp.gain(stems["pad"], 3.0)
    trap = np.column_stack([pad, -pad])  # L = +pad, R = -pad: pure side signal
    mix = dsp.mix(core, trap)
    if mono:
        m = 0.5 * (mix[:, 0] + mix[:, 1])
        mix = np.column_stack([m, m])
    return dsp.to_peak(mix, -3.0)


# ---------------------------------------------------------------- lesson 2: EQ


@recipe("m06-pad-mud")
def pad_mud(cut_db: float = 0.0):
    """Drums, bass and a boomy pad; cut_db applies a bell cut at 300 Hz to the pad only."""
    stems = _band()
    # Make the pad muddy on purpose: a broad build-up around 250-350 Hz.
    pad = filters.biquad(dsp.gain(stems["pad"], 4.0), "peak", 280.0, q=0.9, gain_db=7.0)
    if cut_db:
        pad = filters.biquad(pad, "peak", 300.0, q=1.2, gain_db=cut_db)
    parts = [effects.pan(stems[k], PANS[k]) for k in ("kick", "snare", "hats", "bass")]
    return dsp.to_peak(dsp.mix(*parts, effects.pan(pad, 0.0)), -3.0)


@recipe("m06-bass-rumble")
def bass_rumble(highpass_hz: float = 0.0):
    """Bass line carrying subsonic rumble; optional 4th-order (24 dB/octave) high-pass."""
    bass = _band()["bass"]
    rumble = filters.lowpass(g.pink_noise(len(bass) / SR, amp=1.0, seed=11), 30.0, order=4)
    # Set by RMS, not LUFS: K-weighting would all but ignore energy this low.
    x = dsp.mix(bass, dsp.gain(rumble, dsp.rms_dbfs(bass) - 6.0 - dsp.rms_dbfs(rumble)))
    if highpass_hz:
        x = filters.highpass(x, highpass_hz, order=4)
    return dsp.to_peak(x, -3.0)


# ---------------------------------------------------------------- lesson 3: dynamics


def _drums():
    return dsp.to_peak(dsp.mono(music.drum_loop(bars=BARS, bpm=BPM, seed=0)), -1.0)


@recipe("m06-drums-comp")
def drums_comp(compressed: bool = False, attack_ms: float = 0.5, release_ms: float = 60.0):
    """Drum loop peaking at -1 dBFS, dry or through a 4:1 compressor at -20 dBFS."""
    x = _drums()
    if compressed:
        x = dynamics.compress(x, threshold_db=-20.0, ratio=4.0, attack_ms=attack_ms,
                              release_ms=release_ms, knee_db=0.0, makeup_db=0.0)
    return x


@recipe("m06-duck")
def duck(sidechain: bool = False):
    """Sustained pad plus four-on-the-floor kick; optionally the kick ducks the pad."""
    kick = dsp.to_peak(_kick_track(), -3.0)
    pad = _to_lufs(dsp.fit(dsp.mono(music.chord_pad(bars=BARS, bpm=BPM)), len(kick)), -22.0)
    if sidechain:
        pad = dynamics.compress(pad, threshold_db=-24.0, ratio=4.0, attack_ms=2.0,
                                release_ms=200.0, sidechain=kick)
    return dsp.to_peak(dsp.mix(kick, pad), -3.0)


@recipe("m06-parallel")
def parallel(blend_db: float = -100.0):
    """Dry drum loop plus a heavily compressed copy mixed in at blend_db (off at -100)."""
    dry = _drums()
    if blend_db <= -100.0:
        return dry
    crushed = dynamics.compress(dry, threshold_db=-35.0, ratio=10.0, attack_ms=1.0,
                                release_ms=60.0)
    crushed = dsp.gain(crushed, dsp.rms_dbfs(dry) - dsp.rms_dbfs(crushed))
    return dsp.to_peak(dsp.mix(dry, dsp.gain(crushed, blend_db)), -1.0)


@recipe("m06-gate")
def gate(gated: bool = False):
    """Snare hits with steady bleed (pink noise) between them; optionally gated."""
    snare = dsp.to_peak(_band()["snare"], -3.0)
    bleed = _to_lufs(g.pink_noise(len(snare) / SR, amp=1.0, seed=5), -46.0)
    x = dsp.mix(snare, bleed)
    if gated:
        x = dynamics.gate(x, threshold_db=-26.0, attack_ms=0.5, hold_ms=40.0,
                          release_ms=80.0, range_db=-40.0)
    return x


# ---------------------------------------------------------------- lesson 4: space


@recipe("m06-lead-reverb")
def lead_reverb(wet_db: float = -100.0, predelay_ms: float = 30.0, rt60: float = 1.6):
    """Lead line dry, or with a bright, dense, plate-like reverb return (wet_db re dry)."""
    dry = dsp.to_peak(_band()["lead"], -3.0)
    tail = int(rt60 * SR)
    if wet_db <= -100.0:
        return dsp.stereo(dsp.fit(dry, len(dry) + tail))
    ir = np.asarray(effects.synthetic_ir(rt60, predelay_ms=predelay_ms, seed=21), dtype=float)
    if ir.ndim == 1:  # a mono IR: derive a decorrelated right channel from a second seed
        ir2 = dsp.mono(effects.synthetic_ir(rt60, predelay_ms=predelay_ms, seed=22))
        ir = np.column_stack([ir, dsp.fit(ir2, len(ir))])
    returns = []
    for c in range(2):  # left and right returns
        h = filters.highpass(ir[:, c], 250.0, order=2)  # thin, bright return, like a plate
        h = h / np.sqrt(np.sum(h ** 2))
        returns.append(dsp.fit(_convolve(dry, h), len(dry) + tail))
    wet = np.column_stack(returns)
    wet = dsp.gain(wet, wet_db + dsp.rms_dbfs(dry) - dsp.rms_dbfs(wet))
    return dsp.to_peak(dsp.mix(dsp.stereo(dry), wet), -3.0)


@recipe("m06-lead-delay")
def lead_delay(note: str = "quarter", bpm: float = 120.0):
    """Lead line with a tempo-synced delay: 60,000 / BPM ms per quarter note."""
    factors = {"quarter": 1.0, "eighth": 0.5, "dotted-eighth": 0.75, "eighth-triplet": 1.0 / 3.0}
    time_ms = 60000.0 / bpm * factors[note]
    dry = dsp.to_peak(dsp.mono(music.lead(bars=BARS, bpm=bpm)), -3.0)
    dry = dsp.fit(dry, len(dry) + int(1.5 * SR))
    return dsp.to_peak(effects.delay(dry, time_ms, feedback=0.35, mix=0.3), -3.0)


@recipe("m06-pad-chorus")
def pad_chorus(chorus: bool = False):
    """Sustained chord pad, dry or through a chorus."""
    pad = dsp.to_peak(dsp.mono(music.chord_pad(bars=2, bpm=BPM)), -3.0)
    if chorus:
        pad = effects.chorus(pad, rate_hz=0.8, depth_ms=3.0, mix=0.5)
    return dsp.to_peak(pad, -3.0)


@recipe("m06-lead-wobble")
def lead_wobble(kind: str = "tremolo"):
    """Lead line with tremolo (level) or vibrato (pitch) at the same 5 Hz rate."""
    x = dsp.to_peak(dsp.mono(music.lead(bars=2, bpm=BPM)), -3.0)
    if kind == "tremolo":
        x = effects.tremolo(x, rate_hz=5.0, depth=0.6)
    else:
        x = effects.vibrato(x, rate_hz=5.0, depth_cents=30.0)
    return dsp.to_peak(x, -3.0)


# ---------------------------------------------------------------- lesson 5: color and buses


@recipe("m06-bass-sat")
def bass_sat(drive: float = 0.0, phone: bool = False):
    """A round, dark bass (the bass line low-passed at 150 Hz), clean or soft-clipped, set to
    -20 LUFS full range. `phone` then removes everything below 250 Hz (roughly what a phone
    speaker can reproduce) and adds the same fixed 18 dB to either version, so the level
    difference between clean and saturated survives (use :loudness: none)."""
    x = dsp.to_peak(filters.lowpass(_band()["bass"], 150.0, order=4), -3.0)
    if drive > 0.0:
        x = effects.soft_clip(x, drive=drive)
    x = _to_lufs(x, -20.0)
    if phone:
        x = dsp.gain(filters.highpass(x, 250.0, order=4), 18.0)
    return x


@recipe("m06-glue")
def glue(compressed: bool = False):
    """The panned band mix, with or without gentle 2:1 mix-bus compression."""
    stems = _band()
    mix = dsp.to_peak(dsp.mix(*[effects.pan(x, PANS[k]) for k, x in stems.items()]), -3.0)
    if compressed:
        mix = dynamics.compress(mix, threshold_db=-18.0, ratio=2.0, attack_ms=30.0,
                                release_ms=150.0)
    return dsp.to_peak(mix, -3.0)


# ---------------------------------------------------------------- lesson 6: referencing


@recipe("m06-level-bias")
def level_bias(offset_db: float = 0.0):
    """The same mix at -23 LUFS plus offset_db; played without loudness normalization."""
    stems = _band()
    mix = dsp.mix(*[effects.pan(x, PANS[k]) for k, x in stems.items()])
    return _to_lufs(mix, -23.0 + offset_db)

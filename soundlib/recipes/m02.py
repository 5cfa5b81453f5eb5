"""Recipes for module 02, Digital audio.

Every recipe is deterministic: the only randomness (dither) takes a ``seed``.
"""
import numpy as np

from soundlib import SR, digital, dsp, effects, music
from soundlib import generators as g
from soundlib.recipes import recipe


def _decaying_tone(seconds, start_dbfs, end_dbfs, f0=220.0):
    """A piano-like tone (five harmonics) whose level falls evenly in dB."""
    tone = g.harmonic_series(f0, seconds, [1.0, 0.5, 0.25, 0.12, 0.06])
    tone = tone / np.max(np.abs(tone))
    envelope_db = np.linspace(start_dbfs, end_dbfs, len(tone))
    return dsp.fade(tone * dsp.db_to_gain(envelope_db), fade_in=0.005, fade_out=0.05)


@recipe("m02-sweep-downsampled")
def sweep_downsampled(antialias: bool = True, factor: int = 4, f0: float = 1000.0,
                      f1: float = 11000.0, seconds: float = 8.0):
    """A rising sweep at 48 kHz, then kept at 48 kHz / factor with or without filtering.

    With factor 4 the new rate is 12 kHz and the Nyquist frequency 6 kHz. Without
    the anti-aliasing filter, the part of the sweep above 6 kHz folds back and is
    heard falling from 6 kHz towards 1 kHz.
    """
    x = dsp.fade(g.sweep(f0, f1, seconds, amp=0.5), fade_in=0.05, fade_out=0.05)
    y, new_sr = digital.downsample(x, factor, antialias=antialias)
    return np.asarray(y, dtype=float), new_sr


@recipe("m02-bit-depths")
def bit_depths(freq: float = 440.0, amp: float = 0.5, bits=(24, 12, 8, 6, 4),
               segment: float = 1.5, gap: float = 0.4):
    """The same sine, quantized without dither to each word length in turn."""
    parts = []
    for b in bits:
        tone = g.sine(freq, segment, amp=amp)
        parts.append(dsp.fade(digital.quantize(tone, int(b), dither="none"),
                              fade_in=0.01, fade_out=0.01))
    return dsp.concat(*parts, gap=gap)


@recipe("m02-dither")
def dither_demo(mode: str = "none", bits: int = 8, seconds: float = 9.0,
                start_dbfs: float = -20.0, end_dbfs: float = -72.0,
                monitor_gain_db: float = 16.0, seed: int = 2):
    """A fading piano-like tone reduced to a low word length, then turned up for listening.

    mode: "none" (plain rounding), "tpdf" (TPDF dither) or "shaped" (TPDF dither with
    noise shaping). The tone fades from start_dbfs to end_dbfs, well below one step of the
    reduced word length (an 8-bit step is about -42 dBFS). The same fixed monitor gain is
    applied to every mode after the reduction, so that the versions can be compared at
    equal gain (use ``:loudness: none``: loudness normalization would gate out the silent
    tail of the undithered version and give it a different gain).
    """
    tone = _decaying_tone(seconds, start_dbfs, end_dbfs)
    if mode == "none":
        reduced = digital.quantize(tone, bits, dither="none")
    elif mode == "tpdf":
        reduced = digital.quantize(tone, bits, dither="tpdf", seed=seed)
    elif mode == "shaped":
        reduced = digital.quantize(tone, bits, dither="tpdf", noise_shaping=True, seed=seed)
    else:
        raise ValueError(f"unknown dither mode: {mode!r}")
    return dsp.gain(reduced, monitor_gain_db)


@recipe("m02-clipping-drive")
def clipping_drive(drives_db=(0, 6, 12, 18), bars: int = 2, bpm: float = 120.0,
                   segment: float = 3.5, gap: float = 0.5):
    """A short mix driven into a hard clipper at increasing gain, then level-matched.

    Each version is pushed drives_db[i] dB into a clipper whose ceiling is the
    phrase's original peak, then scaled back to the RMS level of the clean version
    so that you compare distortion, not loudness. Nothing reaches full scale.
    """
    phrase = dsp.mono(music.rough_mix(music.song_stems(bars=bars, bpm=bpm), bpm=bpm))
    phrase = phrase[: int(segment * SR)]
    phrase = 0.5 * phrase / np.max(np.abs(phrase))
    clean_rms = np.sqrt(np.mean(phrase ** 2))
    parts = []
    for d in drives_db:
        clipped = effects.hard_clip(phrase * dsp.db_to_gain(d), ceiling=0.5)
        clipped = clipped * clean_rms / np.sqrt(np.mean(clipped ** 2))
        parts.append(dsp.fade(clipped, fade_in=0.005, fade_out=0.05))
    out = dsp.concat(*parts, gap=gap)
    return 0.7 * out / np.max(np.abs(out))


@recipe("m02-bitcrusher")
def bitcrusher(factors=(1, 4, 12), crush_bits: int = 6, bars: int = 2, bpm: float = 120.0,
               segment: float = 3.5, gap: float = 0.5):
    """A melody, then sample-and-hold at 48 kHz / factor, then the last one at crush_bits.

    Holding each sample for `factor` samples without any filtering is what a
    "bitcrusher" plug-in does: factor 4 is an effective rate of 12 kHz, factor 12
    one of 4 kHz. Everything above half the effective rate folds back as aliases.
    """
    melody = dsp.mono(music.lead(bars=bars, bpm=bpm))[: int(segment * SR)]
    melody = 0.5 * melody / np.max(np.abs(melody))
    parts = []
    for f in factors:
        held = digital.sample_and_hold(melody, int(f)) if f > 1 else melody
        parts.append(dsp.fade(held, fade_in=0.005, fade_out=0.05))
    crushed = digital.quantize(digital.sample_and_hold(melody, int(factors[-1])),
                               crush_bits, dither="none")
    parts.append(dsp.fade(crushed, fade_in=0.005, fade_out=0.05))
    return dsp.concat(*parts, gap=gap)


@recipe("m02-wrong-rate")
def wrong_rate(playback_rate: int = 48000, bars: int = 2, bpm: float = 120.0):
    """A melody made at 48 kHz, labeled with playback_rate.

    Labeling 48 kHz samples as 44.1 kHz is what happens when a file or a device is
    set to the wrong rate: it plays 8.1 % slower and about 1.47 semitones flat.
    """
    melody = dsp.mono(music.lead(bars=bars, bpm=bpm))
    melody = dsp.fade(0.5 * melody / np.max(np.abs(melody)), fade_in=0.005, fade_out=0.05)
    return melody, int(playback_rate)

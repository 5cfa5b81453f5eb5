"""Audio examples for Module 1: Sound and hearing.

Every recipe is deterministic (noise takes a seed), returns float64 at soundlib.SR
and stays between 2 and 20 seconds long.
"""
from collections.abc import Sequence

import numpy as np

from soundlib import SR, dsp, effects, filters, loudness, music
from soundlib import generators as g
from soundlib.recipes import recipe


def _band_noise(seconds, low, high, seed):
    """Pink noise band-limited to low..high Hz (two 4th-order Butterworth passes)."""
    x = g.pink_noise(seconds, amp=0.5, seed=seed)
    for _ in range(2):
        x = filters.highpass(x, low, order=4)
        x = filters.lowpass(x, high, order=4)
    return x


def _burst(seconds, seed=0):
    """A click: a 1 ms Hann-windowed noise burst followed by silence."""
    n = int(0.001 * SR)
    burst = np.zeros(int(round(seconds * SR)))
    rng = np.random.default_rng(seed)
    burst[:n] = rng.uniform(-1.0, 1.0, n) * np.hanning(n)
    return burst


@recipe("m01-octave-ladder")
def octave_ladder(f0: float = 110.0, steps: int = 7, seconds_each: float = 1.0):
    """Sine tones one octave apart: f0, 2*f0, 4*f0 ..."""
    tones = [dsp.fade(g.sine(f0 * 2 ** k, seconds_each, amp=0.3), 0.02, 0.05)
             for k in range(steps)]
    return dsp.concat(*tones, gap=0.25)


@recipe("m01-level-steps")
def level_steps(steps: Sequence[float] = (0, -1, 0, -6, 0, -20), seconds_each: float = 2.0,
                ref_rms_db: float = -20.0, seed: int = 1):
    """The same pink noise at a reference level and at lower levels (dB re reference)."""
    noise = dsp.to_rms(g.pink_noise(seconds_each, seed=seed), ref_rms_db)
    parts = [dsp.fade(dsp.gain(noise, step), 0.02, 0.02) for step in steps]
    return dsp.concat(*parts, gap=0.3)


@recipe("m01-coherent-incoherent")
def coherent_incoherent(seconds_each: float = 3.0, rms_db: float = -28.0):
    """One noise; the same noise added to itself (+6 dB); two different noises (+3 dB)."""
    a = dsp.to_rms(g.pink_noise(seconds_each, seed=11), rms_db)
    b = dsp.to_rms(g.pink_noise(seconds_each, seed=12), rms_db)
    one = dsp.fade(a, 0.02, 0.02)
    coherent = dsp.fade(dsp.mix(a, a), 0.02, 0.02)
    incoherent = dsp.fade(dsp.mix(a, b), 0.02, 0.02)
    return dsp.concat(one, coherent, incoherent, gap=0.5)


@recipe("m01-waveforms")
def waveforms(freq: float = 220.0, seconds_each: float = 2.0, lufs_each: float = -23.0):
    """Sine, square and sawtooth at the same pitch, each matched in loudness."""
    waves = [g.sine(freq, seconds_each, amp=0.5),
             g.square(freq, seconds_each, amp=0.5, bandlimited=True),
             g.sawtooth(freq, seconds_each, amp=0.5, bandlimited=True)]
    parts = []
    for w in waves:
        w = dsp.gain(w, lufs_each - loudness.integrated_lufs(w))
        parts.append(dsp.fade(w, 0.02, 0.05))
    return dsp.concat(*parts, gap=0.4)


@recipe("m01-harmonic-buildup")
def harmonic_buildup(f0: float = 220.0, harmonics: int = 10, seconds_each: float = 1.2):
    """Harmonics 1..N with amplitude 1/n, added one at a time."""
    parts = []
    for count in range(1, harmonics + 1):
        amps = [1.0 / n if n <= count else 0.0 for n in range(1, harmonics + 1)]
        tone = g.harmonic_series(f0, seconds_each, amps)
        parts.append(dsp.fade(dsp.gain(tone, -12.0), 0.01, 0.01))
    return dsp.concat(*parts)


@recipe("m01-beating")
def beating(f1: float = 440.0, f2: float = 443.0, seconds: float = 6.0):
    """Two sines a few hertz apart: the sum beats at |f1 - f2| Hz."""
    return dsp.fade(dsp.mix(g.sine(f1, seconds, amp=0.4), g.sine(f2, seconds, amp=0.4)),
                    0.05, 0.2)


@recipe("m01-comb")
def comb(delay_ms: float = 0.0, seconds: float = 5.0, seed: int = 3):
    """Pink noise, optionally mixed with an equal-level copy delayed by delay_ms."""
    x = dsp.to_rms(g.pink_noise(seconds, seed=seed), -26.0)
    if delay_ms > 0:
        x = filters.comb(x, delay_ms, gain=1.0, feedback=False)
    return dsp.fade(x, 0.05, 0.05)


@recipe("m01-room")
def room(rt60: float = 0.3, hits: int = 4, spacing: float = 1.0, seed: int = 5):
    """A snare hit repeated, played in a synthetic room with the given decay time."""
    hit = music.snare(seed=seed)
    slot = dsp.pad(hit, max(spacing - len(hit) / SR, 0.0))
    dry = dsp.concat(*[slot for _ in range(hits)])
    dry = dsp.pad(dry, 2.5)
    wet = effects.reverb(dry, rt60=rt60, predelay_ms=10, mix=0.5, seed=seed)
    return dsp.fade(wet[: len(dry)], 0.0, 0.3)


@recipe("m01-precedence")
def precedence(delays_ms: Sequence[float] = (0.0, 0.5, 5.0, 30.0), clicks: int = 6,
               rate_hz: float = 2.0):
    """Stereo clicks: the same click in both channels, the right one delayed."""
    sections = []
    for delay in delays_ms:
        left = np.concatenate([_burst(1.0 / rate_hz, seed=7) for _ in range(clicks)])
        right = np.roll(left, int(round(delay * SR / 1000.0)))
        sections.append(0.6 * np.stack([left, right], axis=1))
    return dsp.concat(*sections, gap=0.8)


@recipe("m01-itd-ild")
def itd_ild(itd_ms: float = 0.6, ild_db: float = 10.0, bursts: int = 3, seed: int = 9):
    """Noise bursts for headphones: centered, then moved by time and by level differences."""
    burst = dsp.fade(dsp.to_rms(g.pink_noise(0.35, seed=seed), -24.0), 0.01, 0.02)
    burst = dsp.pad(burst, 0.25)
    n = int(round(itd_ms * SR / 1000.0))
    quieter = dsp.db_to_gain(-ild_db)
    cases = [
        (burst, burst),                                    # centered
        (burst, np.roll(burst, n)),                        # left leads in time
        (np.roll(burst, n), burst),                        # right leads in time
        (burst, burst * quieter),                          # left louder
        (burst * quieter, burst),                          # right louder
    ]
    sections = []
    for left, right in cases:
        pair = np.stack([left, right], axis=1)
        sections.append(np.concatenate([pair] * bursts))
    return dsp.concat(*sections, gap=0.6)


@recipe("m01-masking")
def masking(tone_hz: float = 1000.0, seconds_each: float = 4.0,
            tone_re_noise_db: float = -18.0, seed: int = 13):
    """A pulsing tone alone, under a noise band at its own frequency, then under a band two octaves up."""
    pulse = dsp.concat(dsp.fade(g.sine(tone_hz, 0.3), 0.01, 0.01), g.silence(0.2))
    tone = np.concatenate([pulse] * int(round(seconds_each / 0.5)))
    tone = dsp.to_rms(tone, -30.0 + tone_re_noise_db)
    near = dsp.to_rms(_band_noise(seconds_each, 0.9 * tone_hz, 1.1 * tone_hz, seed), -30.0)
    far = dsp.to_rms(_band_noise(seconds_each, 3.6 * tone_hz, 4.4 * tone_hz, seed + 1), -30.0)
    alone = dsp.fade(tone, 0.0, 0.02)
    masked = dsp.fade(dsp.mix(tone, near), 0.05, 0.05)
    unmasked = dsp.fade(dsp.mix(tone, far), 0.05, 0.05)
    return dsp.concat(alone, masked, unmasked, gap=0.5)


@recipe("m01-equal-loudness")
def equal_loudness(low_hz: float = 100.0, high_hz: float = 1000.0, pairs: int = 3,
                   levels_db: Sequence[float] = (-20.0, -40.0), seconds_each: float = 1.0):
    """A low and a mid tone at the same RMS level, alternating, at two playback levels."""
    sections = []
    for level in levels_db:
        low = dsp.fade(dsp.to_rms(g.sine(low_hz, seconds_each), level), 0.03, 0.03)
        high = dsp.fade(dsp.to_rms(g.sine(high_hz, seconds_each), level), 0.03, 0.03)
        sections.append(dsp.concat(*([low, high] * pairs), gap=0.2))
    return dsp.concat(*sections, gap=1.0)

"""Audio examples for Module 9: Live sound.

Every example is a simulation built from a stated model, not a recording:

- acoustic feedback: a speech-like voice through a microphone-to-loudspeaker loop whose
  gain approaches 1 at one frequency, with and without a narrow EQ cut at that frequency;
- a delay tower heard from behind it, with the tower undelayed and with its delay set to
  distance / 343 m/s plus 10 ms;
- level against distance for a point source (6 dB per doubling) and an ideal line source
  (3 dB per doubling), heard as steps.

All recipes are deterministic, return float64 at soundlib.SR and last 2 to 20 seconds.
"""

from collections.abc import Sequence

import numpy as np
from scipy.signal import freqz, lfilter

from soundlib import SR, dsp, effects, filters, music
from soundlib import generators as g
from soundlib.recipes import recipe

C = 343.0  # speed of sound in air at 20 °C, m/s

# First three formant frequencies (Hz) of a few vowels, adult male averages
# (Peterson & Barney, 1952), for the speech-like test voice.
_VOWELS = {
    "ah": (730.0, 1090.0, 2440.0),
    "ee": (270.0, 2290.0, 3010.0),
    "eh": (530.0, 1840.0, 2480.0),
    "oh": (570.0, 840.0, 2410.0),
    "oo": (300.0, 870.0, 2240.0),
}

# A spoken line of syllables: (vowel, duration in s, starting pitch in Hz, consonant burst?)
_PHRASE = (
    ("ah", 0.20, 150.0, True), ("eh", 0.16, 142.0, True), ("oh", 0.24, 138.0, False),
    ("ee", 0.18, 146.0, True), ("ah", 0.30, 132.0, True), ("oo", 0.22, 126.0, False),
    ("eh", 0.17, 136.0, True), ("oh", 0.34, 118.0, True),
)


def _syllable(vowel, seconds, f_start, burst, seed):
    """One voiced syllable: a falling-pitch pulse train through three vowel formants."""
    n = int(round(seconds * SR))
    t = np.arange(n) / SR
    f0 = f_start * (1.0 - 0.12 * t / seconds)          # pitch falls by about 12 %
    phase = 2 * np.pi * np.cumsum(f0) / SR
    src = np.zeros(n)
    for k in range(1, int(7000 // f_start) + 1):       # band-limited sawtooth, 1/k harmonics
        src += np.sin(k * phase) / k
    voice = np.zeros(n)
    for f, bw, gain in zip(_VOWELS[vowel], (90.0, 110.0, 150.0), (1.0, 0.6, 0.35)):
        voice += gain * filters.biquad(src, "bandpass", f, q=f / bw)
    env = np.minimum(1.0, t / 0.025) * np.minimum(1.0, (seconds - t) / 0.06)
    voice *= np.clip(env, 0.0, 1.0)
    if burst:                                          # a short unvoiced consonant at the onset
        rng = np.random.default_rng(seed)
        m = int(0.045 * SR)
        hiss = filters.highpass(rng.standard_normal(m), 2500.0, order=4)
        hiss *= np.hanning(m) * 0.25 * np.max(np.abs(voice)) / max(np.max(np.abs(hiss)), 1e-12)
        voice = np.concatenate([hiss, voice])
    return voice


def _speech_line(seed=0):
    """The test phrase: eight syllables with short gaps, about 2.3 s long."""
    parts = [_syllable(v, d, f, b, seed + i) for i, (v, d, f, b) in enumerate(_PHRASE)]
    return dsp.concat(*parts, gap=0.06)


def _broad_filter():
    """(b, a) of the loop's broad band limits: a 150 Hz high-pass and an 8 kHz low-pass."""
    b1, a1 = filters.biquad_coefficients("highpass", 150.0, 0.7071, 0.0, SR)
    b2, a2 = filters.biquad_coefficients("lowpass", 8000.0, 0.7071, 0.0, SR)
    return np.convolve(b1, b2), np.convolve(a1, a2)


def _in_phase_frequency(near_hz, delay_samples):
    """The frequency nearest ``near_hz`` at which the band-limited loop returns in phase.

    The delay turns the phase by 2π·f·D/SR; the band limits add a slowly varying phase
    φ(f). The loop is in phase where φ(f) − 2π·f·D/SR is a whole number of turns, so
    f = (m + φ(f)/2π)·SR/D, solved by a few fixed-point steps. A peaking filter centered
    there adds no phase at its center, so the bump and the in-phase frequency coincide.
    """
    b, a = _broad_filter()
    spacing = SR / delay_samples
    m = round(near_hz / spacing)
    f = m * spacing
    for _ in range(20):
        _, h = freqz(b, a, worN=[f], fs=SR)
        f = (m + np.angle(h[0]) / (2 * np.pi)) * spacing
    return float(f)


def _loop_filter(ring_hz, ring_q, peak_db):
    """(b, a) of the loop's coloration: a 150 Hz high-pass, an 8 kHz low-pass and a
    resonant bump (a wedge's presence peak plus a room reflection) at ring_hz."""
    b, a = _broad_filter()
    bp, ap = filters.biquad_coefficients("peak", ring_hz, ring_q, peak_db, SR)
    b, a = np.convolve(b, bp), np.convolve(a, ap)
    return b, a


def _closed_loop(x, b, a, k, delay_samples):
    """Loudspeaker signal of a feedback loop: s = H·x / (1 − k·H·z^−D), with H = b / a.

    Multiplying out gives one IIR filter: s = b·x / (a − k·b·z^−D).
    """
    den = np.zeros(delay_samples + len(b))
    den[:len(a)] += a
    den[delay_samples:delay_samples + len(b)] -= k * b
    return lfilter(b, den, x)


def _loop_response(b, a, delay_samples, n_freqs=1 << 17):
    """Frequencies and the complex loop response per unit k: H(f)·e^(−j2πfD/SR)."""
    w, h = freqz(b, a, worN=n_freqs, fs=SR)
    return w, h, h * np.exp(-2j * np.pi * w * delay_samples / SR)


def _k_for_loop_gain(b, a, delay_samples, target):
    """The loop scale k at which the loop's worst frequency has |1 − L| = 1 − target.

    At that frequency the loop's output returns in phase, and each trip round the loop
    keeps a fraction ``target`` of the amplitude: ringing that decays by
    20·log10(target) dB per trip. Found by bisection (|1 − L| shrinks as k grows).
    """
    _, _, l1 = _loop_response(b, a, delay_samples)
    lo, hi = 0.0, 1.0 / float(np.max(np.abs(l1)))
    for _ in range(60):
        k = 0.5 * (lo + hi)
        if float(np.min(np.abs(1.0 - k * l1))) > 1.0 - target:
            lo = k
        else:
            hi = k
    return lo


def _ring_frequency(b, a, k, delay_samples):
    """Frequency (Hz) where the closed loop has its highest gain: where it rings."""
    w, h, l1 = _loop_response(b, a, delay_samples)
    closed = np.abs(h / (1.0 - k * l1))
    return float(w[int(np.argmax(closed))])


@recipe("m09-feedback")
def feedback(loop_gains: Sequence[float] = (0.80, 0.92, 0.98), notch: bool = False,
             notch_db: float = -9.0, notch_q: float = 8.0, hot_hz: float = 2500.0,
             path_ms: float = 5.0, tail: float = 1.2, seed: int = 3):
    """A voice through a monitor wedge whose loop gain is raised in three steps.

    The microphone hears the talker plus the loudspeaker's output ``path_ms`` later. The
    loop's coloration has a resonant bump (+6 dB, Q 4) at the in-phase frequency nearest
    ``hot_hz``. ``loop_gains`` are the loop
    gains at the worst frequency, one per repetition of the line: the fraction of the
    amplitude that survives one trip round the loop (1.0 would be a sustained howl).
    With ``notch`` a parametric cut of ``notch_db`` at Q ``notch_q`` sits in the channel at
    the frequency where the hottest loop rings, as an engineer ringing out would place it.
    """
    voice = _speech_line(seed)
    d = int(round(path_ms * SR / 1000.0))
    b0, a0 = _loop_filter(_in_phase_frequency(hot_hz, d), 4.0, 6.0)
    ks = [_k_for_loop_gain(b0, a0, d, lg) for lg in loop_gains]
    ring = _ring_frequency(b0, a0, max(ks), d)
    if notch:
        bn, an = filters.biquad_coefficients("peak", ring, notch_q, notch_db, SR)
        b, a = np.convolve(b0, bn), np.convolve(a0, an)
    else:
        b, a = b0, a0
    sections = []
    for k in ks:
        x = dsp.pad(voice, tail)
        sections.append(dsp.fade(_closed_loop(x, b, a, k, d), 0.0, 0.15))
    y = dsp.concat(*sections, gap=0.0)
    return dsp.to_peak(dsp.fade(y, 0.005, 0.05), -3.0)


@recipe("m09-delay-tower")
def delay_tower(aligned: bool = False, tower_distance_m: float = 40.0,
                listener_behind_m: float = 10.0, precedence_ms: float = 10.0,
                tower_level_db: float = 3.0, bars: int = 2, bpm: float = 96.0,
                seed: int = 2):
    """A drum loop heard by a listener standing behind a delay tower.

    The main PA is ``tower_distance_m + listener_behind_m`` away (panned left), the tower
    ``listener_behind_m`` away (panned right), and the tower is ``tower_level_db`` louder
    at the listener. Undelayed, the tower's sound arrives first and the main PA's copy
    arrives ``tower_distance_m / 343`` s later. Aligned, the tower is delayed by that time
    plus ``precedence_ms``, so the main PA leads by ``precedence_ms``.
    """
    drums = music.drum_loop(bars=bars, bpm=bpm, seed=seed)
    gap_ms = 1000.0 * tower_distance_m / C
    main = filters.lowpass(drums, 9000.0, order=2)  # a little high-frequency air loss
    main = effects.pan(main, -0.7)
    tower = effects.pan(dsp.gain(drums, tower_level_db), 0.7)
    if aligned:
        main_at, tower_at = 0.0, precedence_ms
    else:
        main_at, tower_at = gap_ms, 0.0
    main = dsp.delay_samples(main, int(round(main_at * SR / 1000.0)))
    tower = dsp.delay_samples(tower, int(round(tower_at * SR / 1000.0)))
    y = dsp.mix(main, tower)
    y = dsp.pad(y, 0.4)
    return dsp.to_peak(dsp.fade(y, 0.005, 0.2), -3.0)


@recipe("m09-distance-steps")
def distance_steps(source: str = "point", distances: Sequence[float] = (5, 10, 20, 40, 80),
                   ref_rms_db: float = -18.0, seconds_each: float = 1.2, seed: int = 9):
    """Pink noise at the level a listener gets at each distance, relative to the first.

    ``source="point"``: 20·log10(d / d0), 6 dB per doubling (spherical spreading).
    ``source="line"``: 10·log10(d / d0), 3 dB per doubling (an ideal, infinitely long
    line source; a real array does this only in its near field). Both start at
    ``ref_rms_db`` dBFS RMS at the first distance, so neither is louder by design.
    """
    if source not in ("point", "line"):
        raise ValueError(f"source must be 'point' or 'line', got {source!r}")
    factor = 20.0 if source == "point" else 10.0
    noise = g.pink_noise(seconds_each, seed=seed)
    noise = dsp.gain(noise, ref_rms_db - dsp.rms_dbfs(noise))
    parts = []
    for dist in distances:
        drop = -factor * np.log10(dist / distances[0])
        parts.append(dsp.fade(dsp.gain(noise, drop), 0.02, 0.02))
    return dsp.concat(*parts, gap=0.35)

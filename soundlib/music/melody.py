"""The melodic parts: a square-wave lead and a formant-synth "vox" counter-line."""

from __future__ import annotations

import numpy as np
from scipy.signal import lfilter

from soundlib import SR, synth
from soundlib import effects as fx
from soundlib.dsp import fade, place, to_peak
from soundlib.music.grid import Grid, bar_mask
from soundlib.music.harmony import semitones_from_a_minor

# eight bars of melody in A minor: (step, note, length in steps); bars 5-8 answer bars 1-4
_LEAD = (
    ((2, "E5", 2), (4, "E5", 2), (6, "D5", 2), (8, "C5", 4), (12, "A4", 2), (14, "C5", 2)),
    ((0, "C5", 3), (3, "D5", 3), (6, "C5", 2), (8, "A4", 6)),
    ((2, "E5", 2), (4, "G5", 2), (6, "E5", 2), (8, "D5", 2), (10, "C5", 2), (12, "D5", 2),
     (14, "E5", 2)),
    ((0, "D5", 6), (6, "B4", 2), (8, "G4", 4), (12, "B4", 2), (14, "D5", 2)),
    ((2, "E5", 2), (4, "E5", 2), (6, "D5", 2), (8, "C5", 4), (12, "A4", 2), (14, "C5", 2)),
    ((0, "C5", 3), (3, "D5", 3), (6, "F5", 2), (8, "E5", 6)),
    ((0, "G5", 4), (4, "E5", 2), (6, "C5", 2), (8, "D5", 4), (12, "E5", 4)),
    ((0, "D5", 4), (4, "B4", 4), (8, "D5", 2), (10, "C5", 2), (12, "B4", 4)),
)

# four bars of slow "ooh / aah" counter-line: (step, note, length in steps, vowel)
_VOX = (
    ((0, "E4", 6, "a"), (6, "D4", 2, "a"), (8, "C4", 8, "o")),
    ((0, "C4", 6, "o"), (6, "D4", 2, "o"), (8, "A3", 8, "a")),
    ((0, "G3", 6, "a"), (6, "A3", 2, "a"), (8, "C4", 4, "e"), (12, "E4", 4, "a")),
    ((0, "D4", 8, "o"), (8, "B3", 6, "u"), (14, "D4", 2, "a")),
)

# vowel formants F1, F2, F3 in Hz (adult male averages, after Peterson & Barney, JASA 1952)
_VOWELS = {
    "a": (730.0, 1090.0, 2440.0),
    "o": (570.0, 840.0, 2410.0),
    "u": (300.0, 870.0, 2240.0),
    "e": (530.0, 1840.0, 2480.0),
    "i": (270.0, 2290.0, 3010.0),
}
_FORMANT_BW = (90.0, 110.0, 170.0)
_FORMANT_GAIN = (1.0, 0.5, 0.25)


def lead_track(bars, bpm, key, seed, sr, active=None):
    """The lead part (with its vibrato) as one mono track of exactly ``bars`` bars."""
    grid = Grid(bpm, sr)
    n = grid.length(bars)
    shift = semitones_from_a_minor(key)
    act = bar_mask(bars, active)
    out = np.zeros(n)
    cache = {}
    for b in range(bars):
        notes = _LEAD[b % 8]
        vv = np.random.default_rng([seed, b, 2]).uniform(-0.08, 0.08, len(notes))
        if not act[b]:
            continue
        for i, (s, name, length) in enumerate(notes):
            midi = synth.note_name_to_midi(name) + shift
            if (midi, length) not in cache:
                held = 0.9 * length * grid.step
                env = synth.adsr(held, 0.01, 0.2, 0.75, 0.12, sr=sr)
                cache[midi, length] = synth.subtractive(
                    synth.note_to_freq(midi), held, "square", cutoff=1400.0, resonance=1.2,
                    env=env, filter_env_amount=1.0, sr=sr, amp=0.5)
            place(out, cache[midi, length], grid.time(b, s), 0.9 + vv[i], sr=sr)
    return fx.vibrato(out, rate_hz=5.5, depth_cents=10.0, sr=sr)


def lead(bars=2, bpm=96, key="A minor", *, seed=0, sr=SR):
    """Lead synth melody over Am – F – C – G (A minor, 96 BPM), eight bars long, then repeats.

    The melody moves mostly by step around E5–C5–A4, leaning on chord tones on the strong
    beats; bars 5–8 answer bars 1–4 and climb to G5. Sound: a square wave (hollow, clarinet-
    like) through a lightly resonant low-pass at 1.4 kHz opened one octave by the note
    envelope, with a gentle 5.5 Hz vibrato. Mono, dry, peak −6 dBFS.
    """
    y = lead_track(bars, bpm, key, seed, sr)
    return to_peak(fade(y, 0.0, 0.02, sr=sr), -6.0)


def vox_track(bars, bpm, key, seed, sr, active=None):
    """The vox part as one mono track of exactly ``bars`` bars (unscaled)."""
    grid = Grid(bpm, sr)
    n = grid.length(bars)
    shift = semitones_from_a_minor(key)
    act = bar_mask(bars, active)
    events = []  # (start sample, held samples, freq, vowel)
    for b in range(bars):
        if not act[b]:
            continue
        for s, name, length, vowel in _VOX[b % 4]:
            start = int(round(grid.time(b, s) * sr))
            held = int(round(length * grid.step * sr * 0.96))
            f = synth.note_to_freq(synth.note_name_to_midi(name) + shift)
            events.append((start, held, f, vowel))
    if not events:
        return np.zeros(n)
    # pitch and vowel targets, held between notes so the voice glides from note to note
    f_target = np.empty(n)
    form = np.empty((3, n))
    amp = np.zeros(n)
    t = np.arange(n) / sr
    vib_depth = np.zeros(n)
    for k, (start, held, f, vowel) in enumerate(events):
        end = events[k + 1][0] if k + 1 < len(events) else n
        lo = 0 if k == 0 else start
        f_target[lo:end] = f
        form[:, lo:end] = np.array(_VOWELS[vowel])[:, None]
        env = synth.adsr(held / sr, 0.09, 0.25, 0.85, 0.18, sr=sr)
        seg = min(len(env), n - start)
        amp[start:start + seg] = np.maximum(amp[start:start + seg], env[:seg])
        ramp = np.clip((t[start:end] - t[start] - 0.15) / 0.4, 0.0, 1.0)  # delayed vibrato
        vib_depth[start:end] = 22.0 * ramp
    a_glide = np.exp(-1.0 / (0.045 * sr))  # 45 ms portamento
    f_smooth = lfilter([1 - a_glide], [1, -a_glide], f_target, zi=[a_glide * f_target[0]])[0]
    a_form = np.exp(-1.0 / (0.06 * sr))  # 60 ms vowel transitions
    form = lfilter([1 - a_form], [1, -a_form], form, axis=1,
                   zi=a_form * form[:, :1])[0]
    vib = vib_depth * np.sin(2 * np.pi * 5.2 * t)
    freq = f_smooth * 2.0 ** (vib / 1200.0)
    rng = np.random.default_rng(seed + 3000)
    src = synth.polyblep_saw(freq, sr=sr) + 0.08 * rng.standard_normal(n)  # voice + breath
    y = np.zeros(n)
    for i in range(3):
        q = form[i] / _FORMANT_BW[i]
        y += _FORMANT_GAIN[i] * synth.varying_biquad(src, "bandpass", form[i], q, sr=sr,
                                                     block=256)
    return y * amp


def vox(bars=4, bpm=96, key="A minor", *, seed=0, sr=SR):
    """Vocal-like "ooh / aah" line: a sawtooth glottal source through three vowel formants.

    Two notes per bar on chord tones (E4–C4 over Am, C4–A3 over F, G3–C4–E4 over C, D4–B3
    over G), gliding between notes (45 ms portamento) with a vibrato that fades in after
    150 ms. The vowel changes between "ah", "oh", "eh" and "oo" by moving the first three
    formants (Peterson & Barney, 1952) with 60 ms transitions; a little noise adds breath.
    Mono, peak −6 dBFS.
    """
    y = vox_track(bars, bpm, key, seed, sr)
    return to_peak(fade(y, 0.0, 0.02, sr=sr), -6.0)

"""The bass line: a plucked, filtered sawtooth with a sine sub following the chord roots."""

from __future__ import annotations

import numpy as np

from soundlib import SR, synth
from soundlib.dsp import fade, place, to_peak
from soundlib.music.grid import Grid, bar_mask
from soundlib.music.harmony import progression

# (step, semitones above the bar's root, length in steps, velocity)
_BASS = ((0, 0, 3, 1.0), (3, 0, 2, 0.7), (6, 12, 1, 0.6), (7, 0, 3, 0.9),
         (10, 0, 2, 0.8), (12, 7, 2, 0.75), (14, 12, 2, 0.7))
# phrase end on the VII chord: walk down a fifth, fourth, third (G: D, C, B) into the tonic
_BASS_WALK = ((0, 0, 3, 1.0), (3, 0, 2, 0.7), (6, 12, 1, 0.6), (7, 0, 3, 0.9),
              (10, 7, 2, 0.85), (12, 5, 2, 0.8), (14, 4, 2, 0.85))


def _bass_root_midi(pc):
    """The chord root placed in the bass register E1 (MIDI 28) to D#2 (39)."""
    return 28 + (pc - 4) % 12


def _bass_note(freq, held, vel, sr):
    env = synth.adsr(held, 0.003, 0.25, 0.55, 0.04, sr=sr, curve="exp")
    saw = synth.subtractive(freq, held, "sawtooth", cutoff=220.0, resonance=1.8, env=env,
                            filter_env_amount=2.5, sr=sr, amp=0.6)
    sub = 0.35 * synth.oscillator(freq, len(env) / sr, "sine", sr=sr)[: len(env)] * env
    return vel * np.tanh(1.5 * (saw + sub)) / np.tanh(1.5)


def bass_track(bars, bpm, key, seed, sr, active=None):
    """The bass part as one mono track of exactly ``bars`` bars (bars off in ``active`` silent)."""
    grid = Grid(bpm, sr)
    n = grid.length(bars)
    chords = progression(key)
    act = bar_mask(bars, active)
    out = np.zeros(n)
    cache = {}
    for b in range(bars):
        rng = np.random.default_rng([seed, b, 1])
        jit = rng.normal(0.0, 0.002, 8)
        vv = rng.uniform(-0.06, 0.06, 8)
        if not act[b]:
            continue
        root = _bass_root_midi(chords[b % 4][0])
        pattern = _BASS_WALK if (b % 4 == 3 and b < bars - 1) else _BASS
        for i, (s, semis, length, v) in enumerate(pattern):
            held = 0.85 * length * grid.step
            key_ = (root + semis, length)
            if key_ not in cache:
                cache[key_] = _bass_note(synth.note_to_freq(root + semis), held, 1.0, sr)
            t = grid.time(b, s) + (0.0 if s == 0 else float(np.clip(jit[i], -0.005, 0.005)))
            place(out, cache[key_], t, v * (1 + vv[i]), sr=sr)
    return out


def bass_line(bars=2, bpm=96, key="A minor", *, seed=0, sr=SR):
    """Synth bass that follows the chord roots: Am – F – C – G (A1, F1, C2, G1) in A minor.

    Rhythm per bar (sixteenth steps): root on 1, a syncopated repeat, an octave jump, a root
    locked to the kick on the "a" of 2 and the "and" of 3, then the fifth and octave; at the
    end of each four-bar phrase it walks down D–C–B into the next A. The sound: a sawtooth
    with a sine sub, a resonant low-pass at 220 Hz opened 2.5 octaves by a fast envelope
    (the "pluck"), and gentle tanh saturation. Default 96 BPM; mono, peak −6 dBFS.
    """
    y = bass_track(bars, bpm, key, seed, sr)
    return to_peak(fade(y, 0.0, 0.01, sr=sr), -6.0)

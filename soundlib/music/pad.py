"""The chord pad: detuned sawtooth triads with smooth voice leading and a chorus."""

from __future__ import annotations

import numpy as np

from soundlib import SR, synth
from soundlib import effects as fx
from soundlib.dsp import fade, place, to_peak
from soundlib.music.grid import Grid, bar_mask
from soundlib.music.harmony import TRIADS, progression


def _voicings(key):
    """Triads voiced near the middle of the keyboard with the smallest total movement."""
    chords = progression(key)
    out = []
    prev = None
    for pc, q in chords:
        tones = [(pc + i) % 12 for i in TRIADS[q]]
        cands = []
        for low in range(52, 67):  # lowest note between E3 and F#4
            if low % 12 not in tones:
                continue
            notes = [low]
            for _ in range(2):
                nxt = notes[-1] + 1
                while nxt % 12 not in tones or nxt % 12 in [m % 12 for m in notes]:
                    nxt += 1
                notes.append(nxt)
            cands.append(notes)
        if prev is None:
            best = min(cands, key=lambda v: abs(np.mean(v) - 62))
        else:
            best = min(cands, key=lambda v: (sum(abs(a - b) for a, b in zip(v, prev)),
                                             abs(np.mean(v) - 62)))
        out.append(best)
        prev = best
    return out


def _pad_chord(notes, held, sr):
    """One sustained pad chord: 3 detuned sawtooths per note, one shared filter and envelope."""
    env = synth.adsr(held, 0.35, 0.8, 0.75, 0.7, sr=sr, curve="exp")
    osc = np.zeros(len(env))
    for i, m in enumerate(notes):
        f = synth.note_to_freq(m)
        for j, cents in enumerate((-9.0, 0.0, 9.0)):
            ph = 2 * np.pi * ((3 * i + j) * 0.618034 % 1.0)  # fixed, spread start phases
            osc += synth.polyblep_saw(np.full(len(env), f * 2 ** (cents / 1200)), sr=sr,
                                      phase=ph)
    cutoff = 700.0 * 2.0 ** (1.2 * env)  # the filter opens with the slow attack
    return 0.1 * synth.resonant_lowpass(osc, cutoff, 0.9, sr=sr, block=128) * env


def pad_track(bars, bpm, key, sr, active=None):
    """The pad part, dry and mono, as one track of exactly ``bars`` bars."""
    grid = Grid(bpm, sr)
    n = grid.length(bars)
    act = bar_mask(bars, active)
    voicings = _voicings(key)
    out = np.zeros(n)
    cache = {}
    for b in range(bars):
        if not act[b]:
            continue
        if b % 4 not in cache:
            cache[b % 4] = _pad_chord(voicings[b % 4], grid.bar - 0.05, sr)
        place(out, cache[b % 4], grid.time(b, 0), 1.0, sr=sr)
    return out


def chord_pad(bars=2, bpm=96, key="A minor", *, sr=SR):
    """Warm pad playing the progression Am – F – C – G, one chord per bar (A minor, 96 BPM).

    Triads voiced between E3 and C5 with minimal movement between chords (each voice moves
    to the nearest chord tone: A–C–E, A–C–F, G–C–E, G–B–D). Sound: three detuned
    sawtooths per note (±9 cents), a gentle low-pass at 700 Hz that opens slowly with the
    350 ms attack, a long release that overlaps the next chord, and a stereo chorus.
    Stereo ``(n, 2)``, peak −6 dBFS.
    """
    y = fx.chorus(pad_track(bars, bpm, key, sr), rate_hz=0.5, depth_ms=4.0, mix=0.4, sr=sr)
    return to_peak(fade(y, 0.0, 0.05, sr=sr), -6.0)

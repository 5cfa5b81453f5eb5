"""Audio examples for Module 10: The music business.

One listening lesson only: the difference between *sampling* a record (copying its
recorded sounds) and *interpolating* it (re-playing the same notes). Three clips share a
tempo (96 BPM, 2.5 s per bar) and a one-bar melody:

- ``m10-source``: the "original record", a bell-like FM riff over its own drums, in a room;
- ``m10-reuse`` with ``mode="sample"``: a new beat with the first bar of the original
  recording looped on top (its bell, its drums and its reverb, copied);
- ``m10-reuse`` with ``mode="replay"``: the same new beat with the same melody re-played
  on a different synth (a new recording of the same notes).

Everything is synthesized and deterministic; no real record is used.
"""

import numpy as np

from soundlib import SR, dsp, effects, music, synth
from soundlib.recipes import recipe

BPM = 96
BAR = 240.0 / BPM          # 2.5 s
EIGHTH = BAR / 8.0         # 0.3125 s

# The riff: (eighth-note position in the bar, MIDI note, length in eighths).
# E5 D5 C5 E5 (held) G5 F5 E5 -- a short descending-then-leaping figure in A minor.
_RIFF = ((0, 76, 1), (1, 74, 1), (2, 72, 1), (3, 76, 2), (5, 79, 1), (6, 77, 1), (7, 76, 1))


def _bell(freq, held):
    """Bell-like FM note: inharmonic ratio 3.5, bright attack that mellows."""
    env = synth.adsr(held, 0.002, 0.5, 0.25, 0.25, curve="exp")
    idx_env = np.exp(-np.linspace(0.0, 6.0, len(env)))
    return synth.fm(freq, held, ratio=3.5, index=3.0, index_env=idx_env, env=env, amp=0.5)


def _reed(freq, held):
    """A different instrument for the re-played version: filtered sawtooth with vibrato."""
    env = synth.adsr(held, 0.02, 0.1, 0.8, 0.08)
    return synth.subtractive(freq, held, "sawtooth", cutoff=1800.0, resonance=1.0, env=env,
                             filter_env_amount=0.5, amp=0.5)


def _riff_track(bars, voice):
    n = dsp.n_samples(bars * BAR)
    out = np.zeros(n)
    for b in range(bars):
        for pos, midi, length in _RIFF:
            note = voice(synth.note_to_freq(midi), 0.9 * length * EIGHTH)
            start = int(round((b * BAR + pos * EIGHTH) * SR))
            end = min(n, start + len(note))
            out[start:end] += note[: end - start]
    return out


def _original(bars):
    """The 'original record': bell riff plus its own drum groove, mixed in a room."""
    bell = dsp.to_peak(_riff_track(bars, _bell), -8.0)
    drums = dsp.to_peak(dsp.fit(music.drum_loop(bars=bars, bpm=BPM, seed=11), len(bell)), -9.0)
    mix = effects.reverb(bell + drums, rt60=1.2, predelay_ms=15.0, mix=0.3, seed=3)
    return dsp.to_peak(mix, -3.0)


def _new_beat(bars):
    """The new production: a different drum take and a bass line, dry."""
    n = dsp.n_samples(bars * BAR)
    drums = dsp.to_peak(dsp.fit(music.drum_loop(bars=bars, bpm=BPM, seed=4), n), -8.0)
    bass = dsp.to_peak(dsp.fit(music.bass_line(bars=bars, bpm=BPM, seed=4), n), -9.0)
    return dsp.stereo(drums + bass)


@recipe("m10-source")
def source(bars: int = 4):
    """The original recording: four bars of the bell riff with drums and room reverb."""
    return dsp.fade(_original(int(bars)), 0.005, 0.05)


@recipe("m10-reuse")
def reuse(mode: str = "sample", bars: int = 4):
    """A new beat that re-uses the riff, either by sampling or by re-playing it.

    ``mode="sample"``: the first bar of the original *recording* (bell, drums and reverb)
    is cut out and looped over the new beat. ``mode="replay"``: the same notes are played
    again on a different synth; no sound from the original recording is used.
    """
    bars = int(bars)
    beat = _new_beat(bars)
    n = len(beat)
    if mode == "sample":
        loop = _original(1)[: dsp.n_samples(BAR)]
        loop = dsp.fade(loop, 0.002, 0.004)
        layer = np.concatenate([loop] * bars, axis=0)
        layer = dsp.to_peak(dsp.fit(layer, n), -7.0)
    elif mode == "replay":
        layer = dsp.stereo(dsp.to_peak(_riff_track(bars, _reed), -9.0))
        layer = dsp.fit(layer, n)
    else:
        raise ValueError("mode must be 'sample' or 'replay'")
    return dsp.fade(dsp.to_peak(beat + layer, -3.0), 0.005, 0.05)

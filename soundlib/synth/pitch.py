"""Pitch: MIDI note numbers, note names and equal-tempered frequencies."""

from __future__ import annotations

import re

import numpy as np

_NOTE_OFFSETS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def note_to_freq(midi):
    """Frequency in Hz of a MIDI note number in 12-tone equal temperament.

    ``f = 440 * 2 ** ((midi - 69) / 12)``: A4 (MIDI 69) = 440 Hz (ISO 16), each semitone a
    factor of 2^(1/12) ≈ 1.0595, each octave a factor of 2. Middle C (MIDI 60) = 261.63 Hz.
    Accepts scalars (returns a float) or arrays; fractional numbers give microtones.
    """
    f = 440.0 * 2.0 ** ((np.asarray(midi, dtype=np.float64) - 69.0) / 12.0)
    return float(f) if f.ndim == 0 else f


def note_name_to_midi(name):
    """MIDI number of a note name in scientific pitch notation: ``"A4"`` → 69, ``"C4"`` → 60,
    ``"F#2"`` → 42, ``"Bb3"`` → 58 (``#`` sharp, ``b`` flat; C4 is middle C)."""
    m = re.fullmatch(r"([A-Ga-g])([#b]*)(-?\d+)", name.strip())
    if not m:
        raise ValueError(f"not a note name: {name!r}")
    letter, acc, octave = m.groups()
    semis = _NOTE_OFFSETS[letter.upper()] + acc.count("#") - acc.count("b")
    return 12 * (int(octave) + 1) + semis

"""Key and chords of the song: the minor key, the i-VI-III-VII progression, transposition."""

from __future__ import annotations

_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}

#: i - VI - III - VII in a minor key: (root offset from the tonic in semitones, quality)
_MINOR_PROGRESSION = ((0, "min"), (8, "maj"), (3, "maj"), (10, "maj"))
TRIADS = {"min": (0, 3, 7), "maj": (0, 4, 7)}


def parse_key(key):
    """``"A minor"`` → ``(9, "minor")``: tonic pitch class (C = 0) and mode.

    Only minor keys are supported: the melodies are written for the minor progression."""
    parts = key.strip().split()
    if len(parts) != 2 or parts[1].lower() not in ("minor", "min", "m"):
        raise ValueError(f'key must look like "A minor" (minor keys only), got {key!r}')
    name = parts[0]
    if not name or name[0].upper() not in _PC:
        raise ValueError(f"unknown tonic {name!r}")
    pc = (_PC[name[0].upper()] + name[1:].count("#") - name[1:].count("b")) % 12
    return pc, "minor"


def progression(key="A minor"):
    """The four chords of the song: a list of ``(root pitch class, "min" | "maj")``.

    In A minor: Am, F, C, G (i, VI, III, VII)."""
    tonic, _ = parse_key(key)
    return [((tonic + off) % 12, q) for off, q in _MINOR_PROGRESSION]


def semitones_from_a_minor(key):
    """Semitones from A minor (where the melodies are written) to ``key``, in -6..+5."""
    tonic, _ = parse_key(key)
    return (tonic - 9 + 6) % 12 - 6

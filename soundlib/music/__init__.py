"""Synthesized musical material: drum sounds, a groove, bass, chords, melodies and song stems.

Everything here is built from the course's own synthesis code (no samples, no recordings), and
is deterministic: the same arguments always give the same samples.

The song
--------
- Tempo: 96 BPM by default (one beat = 625 ms, one 4/4 bar = 2.5 s, a sixteenth = 156 ms).
- Key: A minor by default (any minor key can be requested, e.g. ``key="E minor"``).
- Harmony: the four-bar progression i–VI–III–VII, in A minor **Am – F – C – G**, one chord
  per bar, repeated.
- Grid: sixteenth notes, with a light swing (off-beat sixteenths 8 % late) and
  deterministic "humanizing": small timing offsets (σ ≈ 2.5 ms, never on the downbeat kick)
  and velocity variation, drawn from ``numpy.random.default_rng(seed)``.

Parts: kick, snare (+ clap layer), hi-hats, a filtered-sawtooth bass that follows the chord
roots with a syncopated rhythm (and walks down D–C–B into the next Am at the end of each
phrase), a detuned-sawtooth pad with smooth voice leading, a square-wave lead melody, and a
"vox": a sawtooth voice through three moving vowel formants, singing a slow ooh/aah
counter-line with vibrato and glides.

The parts live in submodules, one per concern: ``drums`` (one-shot drum sounds), ``grid``
(tempo and swing), ``harmony`` (key and progression), ``groove`` (the drum pattern),
``bass``, ``pad``, ``melody`` (lead and vox) and ``song`` (stems and rough mix). Import
the public names from ``soundlib.music``.
"""

from soundlib.music.bass import bass_line
from soundlib.music.drums import clap, hihat, kick, snare
from soundlib.music.groove import drum_loop
from soundlib.music.harmony import parse_key, progression
from soundlib.music.melody import lead, vox
from soundlib.music.pad import chord_pad
from soundlib.music.song import (
    STEM_NOTES,
    _song_stems_cached,  # noqa: F401  (tests clear its cache)
    rough_mix,
    song_stems,
)

__all__ = [
    "kick",
    "snare",
    "hihat",
    "clap",
    "drum_loop",
    "bass_line",
    "chord_pad",
    "lead",
    "vox",
    "song_stems",
    "rough_mix",
    "parse_key",
    "progression",
    "STEM_NOTES",
]

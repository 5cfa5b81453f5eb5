"""Musical material as audio examples: the course song's groove, bass, chords, lead and mix.

All of it comes from :mod:`soundlib.music`: 96 BPM by default, A minor, the progression
Am – F – C – G, one chord per bar (2.5 s per bar at 96 BPM). Every recipe is deterministic
and limited to 20 seconds.
"""

from __future__ import annotations

from soundlib import music
from soundlib.recipes import recipe

MAX_SECONDS = 20.0


def _check(bars, bpm):
    if int(bars) != bars or bars < 1:
        raise ValueError(f"bars must be a whole number >= 1, got {bars}")
    seconds = bars * 240.0 / bpm
    if seconds > MAX_SECONDS:
        raise ValueError(f"{bars} bars at {bpm:g} BPM last {seconds:.1f} s; the limit for "
                         f"these examples is {MAX_SECONDS:g} s")
    return int(bars)


@recipe("drum-loop")
def drum_loop(bars: int = 2, bpm: float = 96, seed: int = 0):
    """Dry drum groove (kick, snare with clap, hi-hats), humanized by ``seed``; mono."""
    return music.drum_loop(bars=_check(bars, bpm), bpm=bpm, seed=seed)


@recipe("bass-line")
def bass_line(bars: int = 2, bpm: float = 96, seed: int = 0):
    """Synth bass following the chord roots A, F, C, G; mono."""
    return music.bass_line(bars=_check(bars, bpm), bpm=bpm, seed=seed)


@recipe("chord-pad")
def chord_pad(bars: int = 2, bpm: float = 96, seed: int = 0):
    """Stereo chord pad, Am – F – C – G (``seed`` is accepted for symmetry; the pad has no
    randomness)."""
    return music.chord_pad(bars=_check(bars, bpm), bpm=bpm)


@recipe("lead")
def lead(bars: int = 2, bpm: float = 96, seed: int = 0):
    """Square-wave lead melody with vibrato; mono, dry."""
    return music.lead(bars=_check(bars, bpm), bpm=bpm, seed=seed)


@recipe("rough-mix")
def rough_mix(bars: int = 4, bpm: float = 96, seed: int = 0):
    """Static rough mix of the seven song stems; stereo, peak −2 dBFS.

    With fewer than 8 bars there is no intro, and the lead joins at the halfway bar."""
    bars = _check(bars, bpm)
    return music.rough_mix(music.song_stems(bars=bars, bpm=bpm, seed=seed), bpm=bpm)

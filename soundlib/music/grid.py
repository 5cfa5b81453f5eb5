"""Tempo grid of the song: sixteenth-note steps with swing, and per-bar on/off masks."""

from __future__ import annotations

from soundlib.dsp import n_samples

SWING = 0.08  # fraction of a sixteenth by which off-beat sixteenths are late


class Grid:
    """Tempo grid: times of sixteenth steps, with swing and humanizing."""

    def __init__(self, bpm, sr):
        if not 40 <= bpm <= 240:
            raise ValueError(f"bpm must be between 40 and 240, got {bpm}")
        self.bpm = bpm
        self.sr = sr
        self.beat = 60.0 / bpm
        self.step = self.beat / 4.0
        self.bar = 4.0 * self.beat

    def time(self, bar, step):
        t = bar * self.bar + step * self.step
        if int(step) % 2 == 1 and float(step).is_integer():
            t += SWING * self.step
        return t

    def length(self, bars):
        return n_samples(bars * self.bar, self.sr)


def bar_mask(bars, active):
    """One bool per bar: ``active`` (any sequence indexed by bar) or all bars on if None."""
    if active is None:
        return [True] * bars
    return [bool(active[b]) for b in range(bars)]

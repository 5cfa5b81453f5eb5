"""Audio examples for Module 11: Careers and education pathways.

One before/after pair for the portfolio lesson: the course's synthesized practice song
as a "faders up" sum (every stem at unity gain, centered, no effects) and as a balanced
rough mix (levels, pans, echo and a shared reverb, from :func:`soundlib.music.rough_mix`).
It shows what a before/after portfolio piece lets a listener hear. Deterministic; no real
recording is used.
"""

import numpy as np

from soundlib import dsp, music
from soundlib.recipes import recipe


@recipe("m11-before-after")
def before_after(version: str = "after", bars: int = 6, bpm: float = 96.0, seed: int = 0):
    """``version="before"``: all stems summed at unity, centered; ``"after"``: rough mix."""
    stems = music.song_stems(bars=bars, bpm=bpm, seed=seed)
    if version == "before":
        mono = [dsp.mono(s) if np.asarray(s).ndim == 2 else np.asarray(s) for s in stems.values()]
        y = dsp.stereo(dsp.mix(*mono))
        peak = np.max(np.abs(y))
        y = y * (10 ** (-2.0 / 20.0) / peak) if peak > 0 else y
    elif version == "after":
        y = music.rough_mix(stems, bpm=bpm)
    else:
        raise ValueError("version must be 'before' or 'after'")
    return dsp.fade(y, fade_in=0.01, fade_out=0.5)

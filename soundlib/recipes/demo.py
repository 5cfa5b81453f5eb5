"""Tiny generic recipes used by the tests and the authoring guide.

Names carry a ``demo-`` prefix so they never collide with the modules' own recipes.
"""

from soundlib import dsp
from soundlib import generators as g
from soundlib.recipes import recipe


@recipe("demo-sine")
def demo_sine(freq: float = 440.0, seconds: float = 2.0, amp: float = 0.5):
    """A steady sine tone with 10 ms fades (no clicks at the ends)."""
    return dsp.fade(g.sine(freq, seconds, amp=amp))


@recipe("demo-beating")
def demo_beating(f1: float = 440.0, f2: float = 443.0, seconds: float = 6.0):
    """Two sines a few hertz apart: the sum swells and fades |f1 - f2| times a second."""
    return dsp.fade(dsp.mix(g.sine(f1, seconds, amp=0.4), g.sine(f2, seconds, amp=0.4)))


@recipe("demo-noise-burst")
def demo_noise_burst(seconds: float = 0.5, gap: float = 0.5, count: int = 3,
                     color: str = "pink", seed: int = 0):
    """``count`` bursts of pink (or white) noise separated by ``gap`` seconds of silence,
    in stereo (independent noise in each channel, so it sounds wide)."""
    if color not in ("pink", "white"):
        raise ValueError(f"color must be 'pink' or 'white', got {color!r}")
    make = g.pink_noise if color == "pink" else g.white_noise
    bursts = []
    for i in range(count):
        left = make(seconds, amp=0.5, seed=seed + 2 * i)
        right = make(seconds, amp=0.5, seed=seed + 2 * i + 1)
        bursts.append(dsp.fade(dsp.mix(left[:, None] * [1.0, 0.0], right[:, None] * [0.0, 1.0])))
    return dsp.concat(*bursts, gap=gap)

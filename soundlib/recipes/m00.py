"""Audio examples for Module 0: Orientation.

Two set-up clips: steady pink noise for setting a listening level once, and a
left / center / right check for wiring and speaker placement. Deterministic
(noise takes a seed), float64 at soundlib.SR, between 2 and 20 seconds long.
"""
from soundlib import dsp, effects
from soundlib import generators as g
from soundlib.recipes import recipe


@recipe("m00-pink-calibration")
def pink_calibration(seconds: float = 15.0, seed: int = 0):
    """Steady pink noise with short fades; the build normalizes it to -20 LUFS."""
    x = g.pink_noise(seconds, amp=0.25, seed=seed)
    return dsp.fade(x, fade_in=0.05, fade_out=0.05)


@recipe("m00-channel-check")
def channel_check(seconds_each: float = 2.0, gap: float = 0.5, seed: int = 1):
    """Pink noise bursts panned left, center, right (constant-power pan)."""
    bursts = []
    for i, position in enumerate((-1.0, 0.0, 1.0)):
        x = dsp.fade(g.pink_noise(seconds_each, amp=0.25, seed=seed + i),
                     fade_in=0.02, fade_out=0.02)
        bursts.append(effects.pan(x, position))
    return dsp.concat(*bursts, gap=gap)

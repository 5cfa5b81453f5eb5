"""Audio examples for Module 4: Microphones and recording.

Every example is a simulation built from stated physical models, not a recording:

- the proximity effect of a first-order pressure-gradient microphone near a point source;
- two omnidirectional microphones in a free field picking up one source (comb filtering);
- a snare drum picked up from above and below (opposite polarity);
- a mid-side pair (cardioid mid, figure-8 side) in front of a small band, decoded at
  several widths.

All recipes are deterministic, return float64 at soundlib.SR and last 2 to 20 seconds.
"""

from collections.abc import Sequence

import numpy as np
from scipy.signal import bilinear, lfilter

from soundlib import SR, dsp, effects, filters, music
from soundlib import generators as g
from soundlib.recipes import recipe

C = 343.0  # speed of sound in air at 20 °C, m/s


# ------------------------------------------------------------------ proximity effect


def proximity_response(distance_m, b=0.5, lowcut_hz=40.0):
    """Analog transfer function (b, a) of a first-order gradient microphone on axis.

    Model: a microphone with polar pattern A + B·cos θ (A + B = 1) on axis to a point
    source at distance r. Its pressure part is flat; its gradient part, in a spherical wave,
    is multiplied by (1 + 1/(jkr)) with k = ω/c. On axis the response relative to the far
    field is therefore 1 + B·c/(jωr) = (s + B·c/r) / s. A real microphone cannot have
    infinite gain at 0 Hz; the model adds the microphone's own first-order low-frequency
    roll-off, s / (s + ω_lc), which gives the first-order shelf

        H(s) = (s + B·c/r) / (s + ω_lc).

    High frequencies pass at unity; below f = B·c / (2π r) the level rises at 6 dB per
    octave until the roll-off frequency lowcut_hz stops it.
    """
    wb = b * C / distance_m
    wl = 2 * np.pi * lowcut_hz
    return [1.0, wb], [1.0, wl]


@recipe("m04-proximity")
def proximity(distance_m: float = 0.05, b: float = 0.5, lowcut_hz: float = 40.0,
              bars: int = 4, seed: int = 0):
    """A vocal-like synthesized line heard through a cardioid at distance_m (model above)."""
    voice = music.vox(bars=bars, key="E minor", seed=seed)  # about E3 to B3: a low voice
    bs, as_ = proximity_response(distance_m, b, lowcut_hz)
    bz, az = bilinear(bs, as_, fs=SR)
    y = lfilter(bz, az, voice)
    return dsp.to_peak(dsp.fade(y, 0.02, 0.05), -6.0)


# ------------------------------------------------------------------ two microphones, 3:1


@recipe("m04-two-mics")
def two_mics(ratio: float = 3.0, near_m: float = 0.3, seconds_each: float = 2.5,
             repeats: int = 2, seed: int = 4):
    """One source, its own mic at near_m, a second mic at ratio × near_m; free field, omni.

    Blocks alternate: the source's own mic alone, then both mics summed at equal fader
    levels. The second mic's copy is 1/ratio the amplitude (inverse-square law) and
    late by near_m·(ratio − 1)/c seconds.
    """
    src = g.pink_noise(seconds_each, amp=0.25, seed=seed)
    src = filters.highpass(src, 60.0, order=2)
    delay_ms = 1000.0 * near_m * (ratio - 1.0) / C
    both = filters.comb(src, delay_ms, gain=1.0 / ratio)
    parts = []
    for _ in range(repeats):
        parts += [dsp.fade(src, 0.02, 0.02), dsp.fade(both, 0.02, 0.02)]
    return dsp.concat(*parts, gap=0.35)


# ------------------------------------------------------------------ snare top and bottom


def _snare_parts(seed):
    """Body (drum-head modes) and wires (snare rattle) of one hit, as separate signals."""
    t = np.arange(int(0.45 * SR)) / SR
    rng = np.random.default_rng(seed)
    bend = 1.0 + 0.12 * np.exp(-t / 0.012)
    body = (np.sin(2 * np.pi * 180.0 * t * bend) + 0.5 * np.sin(2 * np.pi * 287.0 * t * bend)
            + 0.25 * np.sin(2 * np.pi * 342.0 * t * bend))
    body *= np.exp(-t / 0.09) * np.minimum(1.0, t / 0.0008)
    wires = rng.standard_normal(len(t))
    wires = filters.highpass(wires, 1800.0, order=2)
    wires = filters.biquad(wires, "peak", 6000.0, q=1.0, gain_db=5.0)
    wires *= np.exp(-t / 0.14) * np.minimum(1.0, np.maximum(t - 0.001, 0.0) / 0.002)
    return body, wires


@recipe("m04-snare-polarity")
def snare_polarity(flip_bottom: bool = True, bars: int = 4, bpm: float = 96.0,
                   bottom_db: float = -3.0, seed: int = 0):
    """Snare on beats 2 and 4, mixed from a top and a bottom microphone.

    Model: the stick pushes the top head down, away from the top mic, and the bottom head
    moves down too, toward the bottom mic, so the drum body arrives at the two mics with
    opposite polarity (the bottom one 0.3 ms later, through the shell). The top mic hears
    mostly head and a little of the wires through the drum; the bottom mic hears the wires
    strongly. flip_bottom inverts the bottom channel before the two are summed, as the
    polarity button on its channel would.
    """
    beat = 60.0 / bpm
    n = int(round(bars * 4 * beat * SR)) + int(0.5 * SR)
    top = np.zeros(n)
    bottom = np.zeros(n)
    lag = int(round(0.0003 * SR))
    k = 0
    for bar in range(bars):
        for b in (1, 3):
            body, wires = _snare_parts(seed + k)
            t0 = (bar * 4 + b) * beat + 0.1
            through = filters.lowpass(wires, 5000.0, order=2)
            dsp.place(top, body + 0.25 * through, t0, 1.0)
            dsp.place(bottom, -0.9 * body + 0.8 * wires, t0 + lag / SR, 1.0)
            k += 1
    sign = -1.0 if flip_bottom else 1.0
    y = top + sign * 10.0 ** (bottom_db / 20.0) * bottom
    return dsp.to_peak(dsp.fade(y, 0.0, 0.05), -3.0)


# ------------------------------------------------------------------ mid-side width


# where each instrument stands, seen from the microphones: degrees, positive = to the left
_MS_LAYOUT = {"kick": 0.0, "snare": 5.0, "bass": -5.0, "hats": -50.0, "lead": 40.0,
              "vox": -20.0}


@recipe("m04-mid-side")
def mid_side(widths: Sequence[float] = (0.0, 0.5, 1.0), bars: int = 2, room_db: float = -12.0,
             seed: int = 0):
    """A small band recorded with a mid-side pair, decoded at several side levels.

    Mid: a cardioid facing the band, gain 0.5 + 0.5·cos θ. Side: a figure-8 facing left,
    gain sin θ. The pad's two channels stand at +70° and −70°. The room is a diffuse field:
    cardioid and figure-8 each take 1/3 of the diffuse energy, and their room signals are
    uncorrelated, so they are modelled as two independent reverbs at amplitude sqrt(1/3).
    Each section plays the same bars, decoded as L = M + w·S, R = M − w·S.
    """
    stems = music.song_stems(bars=bars, seed=seed)
    n = len(stems["kick"])
    mid = np.zeros(n)
    side = np.zeros(n)
    for name, angle in _MS_LAYOUT.items():
        th = np.radians(angle)
        mid += (0.5 + 0.5 * np.cos(th)) * stems[name]
        side += np.sin(th) * stems[name]
    pad = stems["pad"]
    for ch, angle in ((0, 70.0), (1, -70.0)):
        th = np.radians(angle)
        mid += 0.7 * (0.5 + 0.5 * np.cos(th)) * pad[:, ch]
        side += 0.7 * np.sin(th) * pad[:, ch]
    dry = sum(stems[k] for k in _MS_LAYOUT) + 0.5 * (pad[:, 0] + pad[:, 1])
    room_gain = 10.0 ** (room_db / 20.0) * np.sqrt(1.0 / 3.0)
    room_m = effects.reverb(dry, rt60=1.2, predelay_ms=15.0, mix=1.0, seed=21)[:, 0]
    room_s = effects.reverb(dry, rt60=1.2, predelay_ms=15.0, mix=1.0, seed=37)[:, 1]
    mid = mid + room_gain * room_m
    side = side + room_gain * room_s
    sections = []
    for w in widths:
        sections.append(dsp.fade(effects.ms_decode(mid, float(w) * side), 0.01, 0.03))
    y = dsp.concat(*sections, gap=0.4)
    return dsp.to_peak(y, -3.0)

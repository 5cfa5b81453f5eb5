"""A subtractive synth voice (Module 5): oscillator, resonant low-pass filter, ADSR amplifier.

The browser's voice is an OscillatorNode, a BiquadFilterNode (``lowpass``) and a GainNode
whose gain follows the envelope. The Web Audio low-pass's Q is in decibels: the response at
the cutoff is exactly that many dB, so 12 dB is the lesson's Q of 4 (20·log10 4 = 12.04 dB),
and the cookbook Q is 10^(dB/20) (``soundlib.recipes.labs.synth_q``). The defaults are the
lesson's: a 110 Hz (A2) sawtooth, a cutoff of 1 kHz with a resonance of 12 dB (the two-pole
curve of its figure), attack 100 ms, decay 300 ms, sustain level 0.6, release 500 ms, the key
held 1.2 s (its ADSR figure).

Agreement: the filter's magnitude response, measured from the BiquadFilterNode's impulse
response in an OfflineAudioContext, against ``soundlib.filters.biquad_coefficients`` within
0.5 dB, down to -60 dB.
"""

from __future__ import annotations

import math

import numpy as np

from labs.kinds import _common as c
from labs.spec import Param

KIND = "synth"
TITLE = "Subtractive synth lab"
PARAMS = (
    Param("wave", "Oscillator wave", "sawtooth", choices=("sawtooth", "square", "triangle", "sine")),
    Param("cutoff_hz", "Filter cutoff", 1000.0, "Hz", 40.0, 16000.0, 1.0, scale="log"),
    Param("resonance_db", "Resonance (peak at the cutoff)", 12.0, "dB", 0.0, 24.0, 0.5),
    Param("attack_ms", "Attack", 100.0, "ms", 1.0, 2000.0, 1.0, scale="log"),
    Param("decay_ms", "Decay", 300.0, "ms", 1.0, 2000.0, 1.0, scale="log"),
    Param("sustain", "Sustain level", 0.6, "", 0.0, 1.0, 0.01),
    Param("release_ms", "Release", 500.0, "ms", 1.0, 3000.0, 1.0, scale="log"),
)
RECIPE = "lab-synth"
TOLERANCE = 0.5
FLOOR = -60.0
UNIT = "dB"
#: What the lesson must say next to the lab (tests/labs/test_lessons.py): its defaults.
LESSON_FACTS = ("110 Hz", "1 kHz", "12 dB", "ADSR figure")
NOTE_HZ = 110.0


def response_db(values: dict, freqs) -> list[float]:
    """The low-pass's magnitude (dB) at ``freqs``, from soundlib's cookbook coefficients."""
    from soundlib import filters
    from soundlib.recipes.labs import synth_q

    b, a = filters.biquad_coefficients("lowpass", values["cutoff_hz"],
                                       q=synth_q(values["resonance_db"]), sr=c.SR)
    out = []
    for f in freqs:
        z = np.exp(-2j * math.pi * f / c.SR * np.arange(3))
        out.append(20 * math.log10(max(abs(np.dot(b, z) / np.dot(a, z)), 1e-12)))
    return out


def reference(values: dict, x: list[float]) -> list[float]:
    return response_db(values, x)


def description(values: dict) -> str:
    return (f"Three notes of a {NOTE_HZ:g} Hz {values['wave']} through a low-pass at "
            f"{values['cutoff_hz']:g} Hz with a {values['resonance_db']:g} dB resonant peak: "
            "a warm, slightly nasal tone; each note swells in over "
            f"{values['attack_ms']:g} ms, settles to {values['sustain']:g} of its peak and fades out "
            f"over {values['release_ms']:g} ms.")


def alt(values: dict) -> str:
    return (f"Two panels. Left: the low-pass's response, flat at low frequencies, rising to "
            f"+{values['resonance_db']:g} dB at the {values['cutoff_hz']:g} Hz cutoff and "
            "falling 12 dB per octave above it. Right: the ADSR envelope, rising in "
            f"{values['attack_ms']:g} ms, falling to {values['sustain']:g} in "
            f"{values['decay_ms']:g} ms, holding, and releasing in {values['release_ms']:g} ms.")


def figure(values: dict):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.5, 3.4), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=(3, 2))
    f = np.geomspace(20, 20000, 600)
    left.plot(f, np.maximum(response_db(values, f), FLOOR), color=c.BLUE)
    left.axvline(values["cutoff_hz"], color=c.RED, linestyle=":", linewidth=1)
    left.set_xscale("log")
    left.set_xlim(20, 20000)
    left.set_ylim(FLOOR, 24)
    left.set_xlabel("Frequency (Hz)")
    left.set_ylabel("Filter gain (dB)")
    left.set_title(f"Low-pass {values['cutoff_hz']:g} Hz, resonance {values['resonance_db']:g} dB",
                   fontsize=9)
    c.grid(left)
    from soundlib.synth.envelopes import adsr

    hold = 1.2
    env = adsr(hold, values["attack_ms"] / 1000, values["decay_ms"] / 1000,
               values["sustain"], values["release_ms"] / 1000, sr=1000)
    right.plot(np.arange(len(env)) / 1000, env, color=c.BLUE)
    right.axvline(hold, color=c.GREY, linestyle=":", linewidth=1)
    right.set_xlabel("Time (s); note off at 1.2 s")
    right.set_ylabel("Level")
    right.set_ylim(0, 1.05)
    right.set_title("ADSR envelope", fontsize=9)
    c.grid(right)
    return fig

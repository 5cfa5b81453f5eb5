"""Comb filtering (Module 1): a signal plus a copy of itself delayed by ``delay_ms``.

With the copy at the same level the notches are complete and fall at the odd multiples of
1 / (2·delay): 500 Hz, 1.5 kHz, 2.5 kHz, ... for 1 ms (the lesson's worked example). The
browser builds the same graph (a DelayNode and a GainNode beside the direct path); the
agreement test measures its impulse response in an OfflineAudioContext and compares the
magnitude with ``soundlib.filters.comb`` within 0.5 dB, down to -30 dB (in the notches
both are minus infinity in theory; rounding decides how deep they come out).
"""

from __future__ import annotations

import numpy as np

from labs.kinds import _common as c
from labs.spec import Param

KIND = "comb"
TITLE = "Comb filter lab"
PARAMS = (
    Param("delay_ms", "Delay", 1.0, "ms", 0.1, 20.0, 0.1, scale="log"),
    Param("mix", "Level of the copy", 100.0, "%", 0.0, 100.0, 1.0),
)
RECIPE = "lab-comb"
TOLERANCE = 0.5
FLOOR = -30.0
UNIT = "dB"
#: What the lesson must say next to the lab (tests/labs/test_lessons.py): its defaults.
LESSON_FACTS = ("1 ms", "100 %")


def notches(values: dict, fmax: float = 20000.0) -> list[float]:
    """The notch frequencies up to ``fmax``: odd multiples of 1 / (2·delay)."""
    tau = values["delay_ms"] / 1000.0
    return [k / (2 * tau) for k in range(1, 100000, 2) if k / (2 * tau) <= fmax]


def reference(values: dict, x: list[float]) -> list[float]:
    """``soundlib.filters.comb`` on an impulse, its magnitude (dB) at the frequencies ``x``."""
    from soundlib import filters

    n = int(round(values["delay_ms"] * c.SR / 1000)) + 1
    h = filters.comb(c.impulse(n), values["delay_ms"], gain=values["mix"] / 100.0, sr=c.SR)
    return c.response_db(h, x)


def description(values: dict) -> str:
    first = notches(values)[:1]
    where = f"; its first notch is at {first[0]:g} Hz" if first else ""
    return (f"Pink noise plus a copy delayed {values['delay_ms']:g} ms at {values['mix']:g} % "
            f"of its level: a hollow, slightly pitched hiss{where}.")


def alt(values: dict) -> str:
    n = notches(values, 5000)
    return (f"Magnitude response of a signal plus a copy delayed {values['delay_ms']:g} ms: "
            f"peaks of up to +6 dB, notches at {', '.join(f'{f:g}' for f in n[:4])} Hz and "
            "on up, evenly spaced on a linear frequency scale, crowding together on the "
            "logarithmic one.")


def figure(values: dict):
    f = np.geomspace(20, 20000, 4000)
    tau = values["delay_ms"] / 1000.0
    h = np.abs(1 + values["mix"] / 100.0 * np.exp(-2j * np.pi * f * tau))
    fig, ax = c.figure()
    ax.plot(f, 20 * np.log10(np.maximum(h, 10 ** (FLOOR / 20))), color=c.BLUE)
    for k, notch in enumerate(notches(values, 20000)[:3]):
        ax.axvline(notch, color=c.RED, linestyle=":", linewidth=1)
        if k == 0:
            ax.text(notch * 1.05, FLOOR + 2, f"first notch {notch:g} Hz", color=c.RED, fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(20, 20000)
    ax.set_ylim(FLOOR, 9)
    ax.set_xlabel("Frequency (Hz, logarithmic scale)")
    ax.set_ylabel("Level change (dB)")
    ax.set_title(f"Comb filter lab, default setting: delay {values['delay_ms']:g} ms, "
                 f"copy at {values['mix']:g} %")
    c.grid(ax)
    return fig

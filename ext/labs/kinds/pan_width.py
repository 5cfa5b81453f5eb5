"""Pan law and mid/side width (Module 6, "Pan laws" and "The stereo image: mid and side").

A mono lead (pink-noise bursts) is panned under one of the three laws the lesson teaches
(−3 dB constant power, −4.5 dB, −6 dB linear; ``soundlib.effects.pan_gains``) over a wide
pad, and the mix's side signal is scaled for width (``soundlib.effects.width``:
M = (L + R)/2, S = (L − R)/2, S' = width · S). The browser cannot use a StereoPannerNode
(it knows only the −3 dB law), so GainNodes carry the law's gains and the mid/side matrix.

Agreement: the browser renders a constant signal through the lead's path (pan gains, then
the width matrix) for pan positions from −100 to +100 in steps of 10, in an
OfflineAudioContext; the left channel's gain (``reference``) and the right channel's
(``check_extra``) must match soundlib within 0.1 dB, down to −40 dB (a hard-panned side is
minus infinity in theory).
"""

from __future__ import annotations

import numpy as np

from labs.kinds import _common as c
from labs.spec import Param

KIND = "pan-width"
TITLE = "Pan law and width lab"
LAWS = ("\u22123 dB", "\u22124.5 dB", "\u22126 dB")
PARAMS = (
    Param("pan", "Pan position (−100 left to 100 right)", 0.0, "", -100.0, 100.0, 1.0),
    Param("law", "Pan law", LAWS[0], choices=LAWS),
    Param("width", "Stereo width", 100.0, "%", 0.0, 200.0, 5.0),
)
RECIPE = "lab-pan-width"
TOLERANCE = 0.1
FLOOR = -40.0
UNIT = "dB"
#: The defaults as workflow-balance-panning.rst states them just before the lab.
LESSON_FACTS = ("centered", "−3 dB law", "100 % width")


def gains(values: dict, positions) -> tuple[np.ndarray, np.ndarray]:
    """The lead's left and right gains at pan ``positions`` (−100..100) under the values'
    law and width: ``effects.pan_gains`` then ``effects.width``."""
    from soundlib import effects
    from soundlib.recipes.labs_mix import law_db

    p = np.asarray(positions, dtype=float) / 100.0
    gl, gr = effects.pan_gains(p, law_db(values["law"]))
    out = effects.width(np.column_stack([np.atleast_1d(gl), np.atleast_1d(gr)]),
                        values["width"] / 100.0)
    return out[:, 0], out[:, 1]


def _db(g) -> list[float]:
    g = np.abs(np.asarray(g, dtype=float))
    with np.errstate(divide="ignore"):
        return [float(v) for v in np.where(g > 0, 20 * np.log10(np.maximum(g, 1e-300)), -np.inf)]


def reference(values: dict, x: list[float]) -> list[float]:
    """The left channel's gain (dB) at the pan positions x (soundlib)."""
    return _db(gains(values, x)[0])


def check_extra(values: dict, extra: dict) -> list[str]:
    """The right channel's gain, measured at the same positions, within 0.1 dB."""
    right = extra.get("right")
    if not right:
        return ["the browser sent no right-channel gains"]
    want = _db(gains(values, extra["x"])[1])
    problems = []
    for x, got, ref in zip(extra["x"], right, want):
        got, ref = max(got, FLOOR), max(ref, FLOOR)
        if not abs(got - ref) <= TOLERANCE:
            problems.append(f"right gain at pan {x:g}: browser {got:.3f} dB, Python {ref:.3f} dB")
    return problems


def description(values: dict) -> str:
    gl, gr = gains(values, [values["pan"]])
    return (f"A noise-burst lead panned to {values['pan']:g} under the {values['law']} law "
            f"(left {c.minus(f'{_db(gl)[0]:.1f}')} dB, right {c.minus(f'{_db(gr)[0]:.1f}')} dB) "
            f"over a wide pad, at {values['width']:g} % width.")


def alt(values: dict) -> str:
    return ("Left- and right-channel gain against pan position from 100 left to 100 right "
            f"under the {values['law']} law: the two curves cross at the center at "
            f"{c.minus(f'{_db(gains(values, [0.0])[0])[0]:.2f}')} dB, and each falls toward "
            "minus infinity at the opposite side.")


def figure(values: dict):
    p = np.linspace(-100, 100, 401)
    gl, gr = gains(values, p)
    fig, ax = c.figure()
    ax.plot(p, np.maximum(_db(gl), FLOOR), color=c.BLUE, linewidth=2, label="left")
    ax.plot(p, np.maximum(_db(gr), FLOOR), color=c.RED, linewidth=2, linestyle="--",
            label="right")
    ax.axvline(values["pan"], color=c.GREY, linestyle=":", linewidth=1)
    ax.set_xlim(-100, 100)
    ax.set_ylim(-24, 3)
    ax.set_xticks([-100, -50, 0, 50, 100])
    ax.set_xticklabels(["100 L", "50 L", "C", "50 R", "100 R"])
    ax.set_xlabel("Pan position")
    ax.set_ylabel("Gain (dB)")
    ax.set_title(f"Pan law and width lab, default setting: {values['law']} law, "
                 f"{values['width']:g} % width")
    ax.legend(loc="lower center", fontsize=8)
    c.grid(ax)
    return fig

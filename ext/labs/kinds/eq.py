"""Parametric EQ (Module 6, "EQ"): a low shelf, a peaking bell and a high shelf on pink noise.

The defaults are the lesson's moves: the 6 dB cut at 300 Hz with Q 1.2 that clears the
muddy pad, and the +3 dB high shelf at 10 kHz that adds "air"; the low shelf waits at its
lesson frequency, 150 Hz, with no gain. The browser uses three BiquadFilterNodes (the Web
Audio API's biquads are the Audio EQ Cookbook's; its shelves fix the slope S = 1, which is
the cookbook's Q = 1/√2, so the shelves have no Q control).

Agreement: the browser renders an impulse through the three nodes in an
OfflineAudioContext; its magnitude response at 200 frequencies from 20 Hz to 20 kHz must
match ``soundlib.filters`` (the RBJ biquads, via ``recipes.labs_mix.eq_chain``) within
0.5 dB. An impulse has a flat spectrum, so its response is the filter's exact transfer
function; noise would need long averaging to be as exact at 20 Hz. ``check_extra`` adds the
two other comparisons: the curve the lab draws (``CourseLabEq.responseDb``) against the same
reference, and a pink-noise excerpt through the nodes against ``scipy.signal.lfilter`` of
the same samples with soundlib's coefficients, in the third-octave bands from 20 Hz to 20 kHz,
both within 0.5 dB.
"""

from __future__ import annotations

import math

import numpy as np

from labs.kinds import _common as c
from labs.spec import Param

KIND = "eq"
TITLE = "Parametric EQ lab"
PARAMS = (
    Param("low_shelf_hz", "Low shelf frequency", 150.0, "Hz", 20.0, 1000.0, 1.0, scale="log"),
    Param("low_shelf_db", "Low shelf gain", 0.0, "dB", -12.0, 12.0, 0.5),
    Param("bell_hz", "Bell frequency", 300.0, "Hz", 20.0, 20000.0, 1.0, scale="log"),
    Param("bell_db", "Bell gain", -6.0, "dB", -18.0, 18.0, 0.5),
    Param("bell_q", "Bell Q", 1.2, "", 0.3, 10.0, 0.1, scale="log"),
    Param("high_shelf_hz", "High shelf frequency", 10000.0, "Hz", 1000.0, 20000.0, 10.0,
          scale="log"),
    Param("high_shelf_db", "High shelf gain", 3.0, "dB", -12.0, 12.0, 0.5),
)
RECIPE = "lab-eq"
TOLERANCE = 0.5
UNIT = "dB"
#: The defaults as eq.rst states them just before the lab (tests/labs/test_lessons.py).
LESSON_FACTS = ("−6 dB at 300 Hz", "Q 1.2", "+3 dB", "10 kHz")


def _coeffs(values: dict) -> list[tuple[np.ndarray, np.ndarray]]:
    from soundlib import filters

    q_shelf = math.sqrt(0.5)
    return [
        filters.biquad_coefficients("lowshelf", values["low_shelf_hz"], q_shelf,
                                    values["low_shelf_db"], c.SR),
        filters.biquad_coefficients("peak", values["bell_hz"], values["bell_q"],
                                    values["bell_db"], c.SR),
        filters.biquad_coefficients("highshelf", values["high_shelf_hz"], q_shelf,
                                    values["high_shelf_db"], c.SR),
    ]


def response(values: dict, freqs) -> np.ndarray:
    """The summed magnitude (dB) of soundlib's three biquads at ``freqs``."""
    z = np.exp(-2j * np.pi * np.asarray(freqs, dtype=float) / c.SR)
    total = np.zeros(len(z))
    for b, a in _coeffs(values):
        h = (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)
        total += 20 * np.log10(np.abs(h))
    return total


def reference(values: dict, x: list[float]) -> list[float]:
    """soundlib's RBJ biquads (``recipes.labs_mix.eq_chain``'s bands) at the frequencies x."""
    return [float(v) for v in response(values, x)]


def _third_octave_levels(y: np.ndarray) -> np.ndarray:
    """Levels (dB) of ``y`` in the 31 third-octave bands centered from 20 Hz to 20 kHz."""
    spec = np.abs(np.fft.rfft(y * np.hanning(len(y)))) ** 2
    f = np.fft.rfftfreq(len(y), 1 / c.SR)
    centers = 1000 * 2.0 ** (np.arange(-17, 14) / 3)
    out = []
    for fc in centers:
        band = (f >= fc / 2 ** (1 / 6)) & (f < fc * 2 ** (1 / 6))
        out.append(10 * np.log10(max(spec[band].sum(), 1e-30)))
    return np.array(out)


def check_extra(values: dict, extra: dict) -> list[str]:
    """The drawn curve and the pink-noise rendering against soundlib (within 0.5 dB)."""
    from scipy.signal import lfilter

    problems = []
    curve = extra.get("curve") or {}
    if not curve.get("x"):
        problems.append("the browser sent no drawn curve")
    else:
        ref = response(values, curve["x"])
        for f, got, want in zip(curve["x"], curve["y"], ref):
            if not abs(got - want) <= TOLERANCE:
                problems.append(f"drawn curve at {f:g} Hz: {got:.3f} dB, Python {want:.3f} dB")
    noise = extra.get("noise") or {}
    if not noise.get("input"):
        problems.append("the browser sent no noise rendering")
        return problems
    x = np.asarray(noise["input"], dtype=float)
    y = np.asarray(noise["output"], dtype=float)
    ref = x
    for b, a in _coeffs(values):
        ref = lfilter(b, a, ref)
    got, want = _third_octave_levels(y), _third_octave_levels(ref)
    centers = 1000 * 2.0 ** (np.arange(-17, 14) / 3)
    for fc, g, w in zip(centers, got, want):
        if not abs(g - w) <= TOLERANCE:
            problems.append(f"noise through the nodes, third-octave band {fc:.0f} Hz: "
                            f"{g:.2f} dB, scipy {w:.2f} dB")
    return problems


def _db(value: float, sign: bool = True) -> str:
    """``-6`` -> "−6", ``3`` -> "+3" (a real minus sign)."""
    return c.minus(f"{value:+g}" if sign else f"{value:g}")


def _moves(values: dict) -> str:
    parts = []
    if values["low_shelf_db"]:
        parts.append(f"a low shelf of {_db(values['low_shelf_db'])} dB below "
                     f"{values['low_shelf_hz']:g} Hz")
    if values["bell_db"]:
        parts.append(f"a bell of {_db(values['bell_db'])} dB at "
                     f"{values['bell_hz']:g} Hz, Q {values['bell_q']:g}")
    if values["high_shelf_db"]:
        parts.append(f"a high shelf of {_db(values['high_shelf_db'])} dB above "
                     f"{values['high_shelf_hz']:g} Hz")
    return ", ".join(parts) if parts else "all bands flat"


def description(values: dict) -> str:
    return (f"Pink noise through {_moves(values)}: the hiss loses some body in the low mids "
            "and gains a little brightness on top.")


def alt(values: dict) -> str:
    lo = values["bell_hz"] / 1.414
    hi = values["bell_hz"] * 1.414
    return (f"Magnitude response from 20 Hz to 20 kHz of {_moves(values)}: a dip reaching "
            f"{_db(values['bell_db'], sign=False)} dB at {values['bell_hz']:g} Hz, about an "
            f"octave wide ({lo:.0f} to {hi:.0f} Hz at half depth), and a rise to "
            f"{values['high_shelf_db']:g} dB toward 20 kHz.")


def figure(values: dict):
    f = np.geomspace(20, 20000, 1000)
    fig, ax = c.figure()
    ax.axhline(0, color=c.GREY, linewidth=0.8)
    ax.plot(f, response(values, f), color=c.BLUE, linewidth=2)
    ax.axvline(values["bell_hz"], color=c.RED, linestyle=":", linewidth=1)
    ax.text(values["bell_hz"] * 1.08, -11, f"bell {values['bell_hz']:g} Hz, Q {values['bell_q']:g}",
            color=c.RED, fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(20, 20000)
    ax.set_ylim(-12, 12)
    ax.set_xlabel("Frequency (Hz, logarithmic scale)")
    ax.set_ylabel("Gain (dB)")
    ax.set_title("Parametric EQ lab, default setting")
    c.grid(ax)
    return fig

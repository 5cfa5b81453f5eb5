"""Compressor (Module 6, "Setting a compressor's threshold, ratio, attack and release"):
the course's own compressor on eight drum-like hits, with its transfer curve and a
gain-reduction meter.

Which implementation, and why. Browsers' ``DynamicsCompressorNode`` does not match the
course's compressor (its knee, detector and release curve are the browser's own and
undocumented in detail), so the lab does not use it. Of the two other routes, an AudioWorklet
and plain JavaScript over a buffer, the lab takes plain JavaScript
(``ext/static/labs/compressor.js``): it computes the compressed hits into an AudioBuffer,
and a native AudioBufferSourceNode plays it, re-rendered on every change. The reasons:

- an AudioWorklet module loads with ``audioWorklet.addModule(url)``, which Chromium refuses
  for pages opened from disk (``file://``), where the course must work; a buffer needs no
  module loading, no ``blob:`` and nothing the strict Content-Security-Policy blocks;
- the whole source is 2.6 s (124,800 samples): compressing it takes a few milliseconds, so
  re-rendering on change is instant, and one sample-for-sample port of
  ``soundlib.dynamics`` serves the sound, the meter and the tests;
- the gain-reduction meter reads the very trace that shaped the sound, at the playhead.

The JavaScript is a line-by-line port of ``soundlib.dynamics``: the peak detector
(``detect.linked_abs`` in dB, floor -240 dB), the gain computer with its quadratic soft knee
(``curves.gain_computer``) and the branching one-pole ballistics
(``detect.smooth_branching``, 63 % of a change in ``attack_ms`` or ``release_ms``).

Agreement (``reference``): the static transfer curve, measured by running the JavaScript
compressor on steady levels from -60 to 0 dBFS (a constant signal for 50 ms, 100 attack
time constants; the output level at the end), against ``curves.gain_computer`` plus
make-up: within 0.5 dB at each point (the issue's tolerance; in practice they agree to
0.001 dB). ``check_extra``: the default setting's hits rendered through an
OfflineAudioContext against ``dynamics.compress`` on ``recipes.labs_mix.lab_hits``: the
gain-reduction trace every 10th sample within 0.05 dB, and the rendered output's level in
10 ms windows within 0.05 dB.
"""

from __future__ import annotations

import numpy as np

from labs.kinds import _common as c
from labs.spec import Param

KIND = "compressor"
TITLE = "Compressor lab"
PARAMS = (
    Param("threshold_db", "Threshold", -20.0, "dB", -60.0, 0.0, 0.5),
    Param("ratio", "Ratio (n:1)", 4.0, "", 1.0, 20.0, 0.5),
    Param("knee_db", "Knee width", 0.0, "dB", 0.0, 24.0, 1.0),
    Param("attack_ms", "Attack", 0.5, "ms", 0.1, 100.0, 0.1, scale="log"),
    Param("release_ms", "Release", 60.0, "ms", 5.0, 1000.0, 1.0, scale="log"),
    Param("makeup_db", "Make-up gain", 0.0, "dB", 0.0, 24.0, 0.5),
)
RECIPE = "lab-compressor"
TOLERANCE = 0.5
UNIT = "dB"
#: The defaults as compression.rst states them just before the lab.
LESSON_FACTS = ("−20 dBFS", "4:1", "hard knee", "0.5 ms attack", "60 ms release")
#: Tolerance of the rendered output against dynamics.compress (dB, per 10 ms window and per
#: sample of the gain-reduction trace): float32 rendering against float64.
RENDER_TOLERANCE = 0.05
#: Input levels of the measured transfer curve (dBFS).
LEVELS = tuple(float(v) for v in range(-60, 1))


def curve(values: dict, levels) -> np.ndarray:
    """Output level (dBFS) of ``soundlib.dynamics.gain_computer`` plus make-up."""
    from soundlib.dynamics.curves import gain_computer

    return np.asarray(gain_computer(np.asarray(levels, dtype=float), values["threshold_db"],
                                    values["ratio"], values["knee_db"])) + values["makeup_db"]


def reference(values: dict, x: list[float]) -> list[float]:
    """The static transfer curve (``soundlib.dynamics.curves.gain_computer`` + make-up) at
    the input levels x."""
    return [float(v) for v in curve(values, x)]


def _window_db(y: np.ndarray, n: int = 480) -> np.ndarray:
    m = len(y) // n
    ms = np.mean(np.reshape(y[: m * n] ** 2, (m, n)), axis=1)
    return 10 * np.log10(np.maximum(ms, 1e-20))


def check_extra(values: dict, extra: dict) -> list[str]:
    """The default render (OfflineAudioContext) against ``dynamics.compress`` on the same
    hits: gain reduction every 10th sample, output level per 10 ms window."""
    from soundlib import dynamics
    from soundlib.recipes.labs_mix import lab_hits

    if not extra.get("reduction") or not extra.get("output_db"):
        return ["the browser sent no rendered hits"]
    x = lab_hits()
    kw = dict(threshold_db=values["threshold_db"], ratio=values["ratio"],
              attack_ms=values["attack_ms"], release_ms=values["release_ms"],
              knee_db=values["knee_db"])
    gr = dynamics.gain_reduction_db(x, **kw)[::10]
    y = dynamics.compress(x, makeup_db=values["makeup_db"], **kw)
    problems = []
    got_gr = np.asarray(extra["reduction"], dtype=float)
    if len(got_gr) != len(gr):
        return [f"gain-reduction trace has {len(got_gr)} points, Python {len(gr)}"]
    bad = np.flatnonzero(np.abs(got_gr - gr) > RENDER_TOLERANCE)
    for i in bad[:5]:
        problems.append(f"gain reduction at sample {10 * i}: browser {got_gr[i]:.3f} dB, "
                        f"Python {gr[i]:.3f} dB")
    got = np.asarray(extra["output_db"], dtype=float)
    want = _window_db(y)
    if len(got) != len(want):
        return problems + [f"rendered output has {len(got)} windows, Python {len(want)}"]
    loud = want > -80
    bad = np.flatnonzero(loud & (np.abs(got - want) > RENDER_TOLERANCE))
    for i in bad[:5]:
        problems.append(f"output level in window {i} (10 ms): browser {got[i]:.3f} dB, "
                        f"Python {want[i]:.3f} dB")
    return problems


def _gr_peak(values: dict) -> float:
    from soundlib import dynamics
    from soundlib.recipes.labs_mix import lab_hits

    return float(-np.min(dynamics.gain_reduction_db(
        lab_hits(), values["threshold_db"], values["ratio"], values["attack_ms"],
        values["release_ms"], values["knee_db"])))


def description(values: dict) -> str:
    t = c.minus(f"{values['threshold_db']:g}")
    return (f"Eight drum-like hits through a compressor at {t} "
            f"dBFS, {values['ratio']:g}:1, {values['attack_ms']:g} ms attack, "
            f"{values['release_ms']:g} ms release: each hit's front is caught, the gain "
            f"reduction reaches {_gr_peak(values):.1f} dB and recovers between the hits.")


def alt(values: dict) -> str:
    t, r = values["threshold_db"], values["ratio"]
    out_m10 = float(curve(values, [-10.0])[0])
    return (f"Transfer curve, output level against input level from −60 to 0 dBFS: the 1:1 "
            f"diagonal up to the threshold at {c.minus(f'{t:g}')} dBFS, then a slope of "
            f"1/{r:g}; −10 dBFS in comes out at {c.minus(f'{out_m10:.1f}')} dBFS.")


def figure(values: dict):
    levels = np.linspace(-60, 0, 601)
    fig, ax = c.figure(5.5, 4.2)
    ax.plot(levels, levels, color=c.GREY, linestyle=":", linewidth=1, label="1:1")
    t = c.minus(f"{values['threshold_db']:g}")
    ax.plot(levels, curve(values, levels), color=c.BLUE, linewidth=2,
            label=f"{values['ratio']:g}:1 at {t} dBFS")
    y10 = float(curve(values, [-10.0])[0])
    ax.plot([-10], [y10], "o", color=c.RED)
    ax.annotate(f"−10 in, {c.minus(f'{y10:.1f}')} out", xy=(-10, y10), xytext=(-30, -5),
                color=c.RED, fontsize=8, arrowprops={"arrowstyle": "->", "color": c.RED})
    ax.set_xlim(-60, 0)
    ax.set_ylim(-60, 0)
    ax.set_aspect("equal")
    ax.set_xlabel("Input level (dBFS)")
    ax.set_ylabel("Output level (dBFS)")
    ax.set_title("Compressor lab, default setting")
    ax.legend(loc="lower right", fontsize=8)
    c.grid(ax)
    return fig

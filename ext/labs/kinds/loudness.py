"""Loudness normalization and true-peak limiting (Module 7, "Loudness targets").

A one-bar loop (``recipes.labs_mix.lab_loop``) is driven ``drive_db`` into the course's
look-ahead limiter (``soundlib.dynamics.limit``, ceiling ``ceiling_db`` on sample peaks,
80 ms release, 5 ms look-ahead: Module 7's mastering settings), measured as a platform
measures it (ITU-R BS.1770-4: K-weighted, gated integrated loudness; true peak with
four-times oversampling, Annex 2) and then played at the platform's gain: the reference
minus the measured loudness, except that a turn-up stops where the true peak reaches
−1 dBTP (Spotify's stated rule for its default setting; ``loudness.normalize_report``).

The platform targets are the lesson's table, as of December 2026: Spotify −14 LUFS (its
"Loudness normalization" support page), Apple Music about −16 LUFS (Sound Check; no
published figure from Apple, secondary sources), and EBU R 128 −23 LUFS (broadcast). The
default drive of 9 dB makes a master of about −9 LUFS, the loud master of the lesson's
"Try it".

The browser side (``ext/static/labs/loudness.js``) ports the limiter, the BS.1770 meter
(pyloudnorm's block layout; the K-weighting coefficients of BS.1770's 48 kHz table, which
differ from pyloudnorm's computed ones by less than 0.05 LU here) and the 193-tap Kaiser
interpolator of ``loudness.true_peak_dbtp``; the platform's playback is rendered through a
GainNode in an OfflineAudioContext and measured again.

Agreement: x = 1 master loudness (LUFS), 2 master true peak (dBTP), 3 the platform's gain
(dB), 4 loudness and 5 true peak of the rendered playback, all within 0.5 dB (LU) of
soundlib; ``check_extra`` adds the true peak before the limiter.
"""

from __future__ import annotations

import numpy as np

from labs.kinds import _common as c
from labs.spec import Param

KIND = "loudness"
TITLE = "Loudness normalization lab"
PLATFORMS = ("Spotify, \u221214 LUFS", "Apple Music, about \u221216 LUFS",
             "EBU R 128, \u221223 LUFS")
LISTEN = ("as the platform plays it", "your master, unchanged")
PARAMS = (
    Param("drive_db", "Drive into the limiter", 9.0, "dB", 0.0, 18.0, 0.5),
    Param("ceiling_db", "Limiter ceiling", -1.0, "dB", -6.0, 0.0, 0.1),
    Param("platform", "Platform", PLATFORMS[0], choices=PLATFORMS),
    Param("listen", "Listen to", LISTEN[0], choices=LISTEN),
)
RECIPE = "lab-loudness"
TOLERANCE = 0.5
UNIT = "dB"
#: The defaults as loudness-targets.rst states them just before the lab.
LESSON_FACTS = ("drive of 9 dB", "−1 dBFS", "−14 LUFS", "about −9 LUFS")
#: The build-time audio keeps its levels: the master and its turned-down playback differ by
#: the platform's gain, which is the point.
LOUDNESS = None
#: What x = 1 .. 5 of the agreement data are.
QUANTITIES = ("master loudness (LUFS)", "master true peak (dBTP)", "platform gain (dB)",
              "played loudness (LUFS)", "played true peak (dBTP)")


def recipe_params(values: dict) -> dict:
    """The recipe renders both versions; ``listen`` only chooses what the browser plays."""
    return {k: v for k, v in values.items() if k != "listen"}


def numbers(values: dict) -> dict:
    from soundlib.recipes.labs_mix import loudness_chain

    return loudness_chain(values["drive_db"], values["ceiling_db"], values["platform"])


def reference(values: dict, x: list[float]) -> list[float]:
    """soundlib's numbers for x = 1 .. 5 (see ``QUANTITIES``)."""
    n = numbers(values)
    table = {1: n["lufs"], 2: n["true_peak"], 3: n["platform_gain"], 4: n["played_lufs"],
             5: n["played_true_peak"]}
    return [float(table[int(round(v))]) for v in x]


def check_extra(values: dict, extra: dict) -> list[str]:
    """The true peak of the driven loop before the limiter, within 0.5 dB."""
    got = extra.get("input_true_peak")
    if got is None:
        return ["the browser sent no true peak before the limiter"]
    want = numbers(values)["input_true_peak"]
    if not abs(got - want) <= TOLERANCE:
        return [f"true peak before the limiter: browser {got:.2f} dBTP, Python {want:.2f}"]
    return []


def _fmt(v: float, unit: str, signed: bool = False) -> str:
    return c.minus(f"{v:+.1f}" if signed else f"{v:.1f}") + " " + unit


def description(values: dict) -> str:
    n = numbers(values)
    return (f"First the master (the loop driven {values['drive_db']:g} dB into a "
            f"{_fmt(values['ceiling_db'], 'dBFS')} "
            f"limiter: {_fmt(n['lufs'], 'LUFS')}, true peak {_fmt(n['true_peak'], 'dBTP')}), "
            f"then the same master as {values['platform'].split(',')[0]} plays it, "
            f"{_fmt(n['platform_gain'], 'dB', True)}: quieter, with the same squashed peaks.")


def alt(values: dict) -> str:
    n = numbers(values)
    return (f"Bars of loudness and true peak at three stages. Into the limiter: "
            f"{_fmt(n['input_lufs'], 'LUFS')}, true peak {_fmt(n['input_true_peak'], 'dBTP')}. "
            f"The master: {_fmt(n['lufs'], 'LUFS')}, {_fmt(n['true_peak'], 'dBTP')}. As "
            f"played at {values['platform']}: gain {_fmt(n['platform_gain'], 'dB', True)}, "
            f"{_fmt(n['played_lufs'], 'LUFS')}, {_fmt(n['played_true_peak'], 'dBTP')}.")


def figure(values: dict):
    n = numbers(values)
    stages = ["Into the limiter", "Master", "As the platform plays it"]
    lufs = [n["input_lufs"], n["lufs"], n["played_lufs"]]
    peaks = [n["input_true_peak"], n["true_peak"], n["played_true_peak"]]
    fig, ax = c.figure(7.0, 3.8)
    pos = np.arange(3)
    ax.bar(pos - 0.18, np.array(lufs) + 30, 0.34, bottom=-30, color=c.BLUE,
           label="integrated loudness (LUFS)")
    ax.bar(pos + 0.18, np.array(peaks) + 30, 0.34, bottom=-30, color=c.RED,
           label="true peak (dBTP)")
    for i in range(3):
        ax.text(pos[i] - 0.18, lufs[i] + 0.5, c.minus(f"{lufs[i]:.1f}"), ha="center", fontsize=8)
        ax.text(pos[i] + 0.18, peaks[i] + 0.5, c.minus(f"{peaks[i]:.1f}"), ha="center", fontsize=8)
    ax.axhline(-1, color=c.GREY, linestyle=":", linewidth=1)
    ax.set_xticks(pos)
    ax.set_xticklabels(stages)
    ax.set_ylim(-30, 12)
    ax.set_ylabel("Level (LUFS or dBTP)")
    ax.set_title(f"Loudness lab, default setting: drive {values['drive_db']:g} dB, "
                 f"{values['platform']}")
    ax.legend(loc="upper right", fontsize=8)
    c.grid(ax)
    return fig

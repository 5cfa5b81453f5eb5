"""Sampling, aliasing and quantization (Module 2): a tone sampled with no anti-alias filter,
then quantized to a bit depth with or without TPDF dither.

The tone is heard at its alias, ``|f - k·fs|`` for the nearest multiple k of the sample rate
(``soundlib.digital.alias_frequency``); the defaults (an 8 kHz sample rate, a 5 kHz tone)
put it at 3 kHz. Quantization to ``bits`` bits leaves an error whose spectrum the lab draws:
with TPDF dither a flat hiss (total power q²/4, q = 2^-(bits-1)), without it distortion at
the tone's harmonics (``soundlib.digital.quantize``).

Agreement: the error of the sound the browser renders in an OfflineAudioContext (output
minus the unquantized tone) in four 6 kHz bands, in dB, against the same error from
``soundlib.digital.quantize`` within 0.5 dB; and the frequency of the rendered tone
(``extra.alias_hz``) against ``alias_frequency`` within 1 Hz.
"""

from __future__ import annotations

import math

import numpy as np

from labs.kinds import _common as c
from labs.spec import Param

KIND = "sampling"
TITLE = "Sampling and quantization lab"
PARAMS = (
    Param("sample_rate", "Sample rate", 8000.0, "Hz", 4000.0, 48000.0, 100.0),
    Param("tone_hz", "Tone frequency", 5000.0, "Hz", 20.0, 24000.0, 10.0),
    Param("bits", "Bit depth", 8, "bits", 2, 16, 1),
    Param("dither", "TPDF dither", "on", choices=("on", "off")),
)
RECIPE = "lab-sampling"
TOLERANCE = 0.5
UNIT = "dB"
#: What the lesson must say next to the lab (tests/labs/test_lessons.py): its defaults.
LESSON_FACTS = ("8 kHz", "5 kHz", "3 kHz", "8 bits", "TPDF dither")
#: The analysis length (samples at 48 kHz) the browser and the reference share.
N = 32768
BANDS = ((0, 6000), (6000, 12000), (12000, 18000), (18000, 24000))
ALIAS_TOLERANCE_HZ = 1.0


def recipe_params(values: dict) -> dict:
    return {**values, "bits": int(values["bits"])}


def alias(values: dict) -> float:
    from soundlib.digital import alias_frequency

    return alias_frequency(values["tone_hz"], values["sample_rate"])


def band_levels_db(error: np.ndarray, bands=BANDS, sr: int = c.SR) -> list[float]:
    """The error's level in each band, dB re full scale: 10·log10(2·Σ|X_k|²/N²) over the
    FFT bins k from round(lo·N/sr) to round(hi·N/sr) (exclusive); the browser computes the
    same (``bandLevelsDb`` in ext/static/labs/sampling.js)."""
    n = len(error)
    spec = np.abs(np.fft.rfft(error)) ** 2
    out = []
    for lo, hi in bands:
        power = 2 * np.sum(spec[round(lo * n / sr):round(hi * n / sr)]) / n**2
        out.append(10 * math.log10(max(power, 1e-30)))
    return out


def quantization_error(values: dict, n: int = N, seed: int = 7) -> np.ndarray:
    from soundlib import digital

    t = np.arange(n) / c.SR
    tone = 0.5 * np.sin(2 * math.pi * alias(values) * t)
    y = digital.quantize(tone, int(values["bits"]),
                         dither="tpdf" if values["dither"] == "on" else "none", seed=seed)
    return y - tone


def reference(values: dict, x: list[float]) -> list[float]:
    """The error's band levels at the band centers ``x`` (3, 9, 15 and 21 kHz)."""
    levels = dict(zip([(lo + hi) / 2 for lo, hi in BANDS],
                      band_levels_db(quantization_error(values)), strict=True))
    return [levels.get(float(xi), float("nan")) for xi in x]


def check_extra(values: dict, extra: dict) -> list[str]:
    want, got = alias(values), extra.get("alias_hz")
    if got is None or abs(got - want) > ALIAS_TOLERANCE_HZ:
        return [f"the rendered tone is at {got} Hz, its alias at {want:g} Hz "
                f"(tolerance {ALIAS_TOLERANCE_HZ} Hz)"]
    return []


def description(values: dict) -> str:
    how = "with TPDF dither: a clean tone over a steady hiss" if values["dither"] == "on" \
        else "without dither: a tone with a gritty, buzzing distortion"
    return (f"A {values['tone_hz']:g} Hz tone sampled at {values['sample_rate']:g} Hz with no "
            f"anti-alias filter, heard at its alias, {alias(values):g} Hz, quantized to "
            f"{values['bits']} bits {how}.")


def alt(values: dict) -> str:
    return (f"The spectrum of the quantization error at {values['bits']} bits "
            f"{'with' if values['dither'] == 'on' else 'without'} dither: a flat floor from "
            f"20 Hz to 24 kHz; a dashed line marks the alias of the tone at "
            f"{alias(values):g} Hz.")


def figure(values: dict):
    error = quantization_error(values, n=8192)
    win = np.hanning(len(error))
    spec = np.abs(np.fft.rfft(error * win)) / (np.sum(win) / 2)
    f = np.fft.rfftfreq(len(error), 1 / c.SR)
    fig, ax = c.figure()
    ax.plot(f[1:], 20 * np.log10(np.maximum(spec[1:], 1e-9)), color=c.BLUE, linewidth=0.6)
    ax.axvline(alias(values), color=c.RED, linestyle="--", linewidth=1)
    ax.text(alias(values) * 1.05, -25, f"alias {alias(values):g} Hz", color=c.RED, fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(20, 24000)
    ax.set_ylim(-140, -20)
    ax.set_xlabel("Frequency (Hz, logarithmic scale)")
    ax.set_ylabel("Error level per bin (dBFS)")
    ax.set_title(c.minus(f"Quantization error: {values['bits']} bits, dither {values['dither']}, "
                         f"tone {values['tone_hz']:g} Hz at {values['sample_rate']:g} Hz"))
    c.grid(ax)
    return fig

"""Helpers the kind modules share: magnitude responses from impulse responses, and the
figure style (no pyplot: a ``matplotlib.figure.Figure``)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

SR = 48000
#: Blue and red of the course's figures (figures/m01.py).
BLUE, RED, GREY = "#1f4e79", "#b03a2e", "#6b6b6b"


def impulse(n: int) -> np.ndarray:
    """A unit impulse of ``n`` samples."""
    x = np.zeros(n)
    x[0] = 1.0
    return x


def response_db(h: np.ndarray, freqs: Sequence[float], sr: int = SR) -> list[float]:
    """The magnitude in dB of the impulse response ``h`` at ``freqs`` (a direct DFT at each
    frequency, as ``CourseLabs.responseDb`` computes it in the browser)."""
    n = np.arange(len(h))
    out = []
    for f in freqs:
        z = np.sum(h * np.exp(-2j * math.pi * f * n / sr))
        out.append(20 * math.log10(max(abs(z), 1e-12)))
    return out


def figure(width: float = 7.0, height: float = 3.6):
    """A constrained-layout Figure and its one Axes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


def grid(ax) -> None:
    ax.grid(True, which="both", linewidth=0.4, alpha=0.5)


def minus(text: str) -> str:
    return str(text).replace("-", "\u2212")

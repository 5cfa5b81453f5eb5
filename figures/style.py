"""Small formatting helpers shared by the figure modules: true minus signs, frequency
labels and the light grid. (This module registers no figures.)"""

from __future__ import annotations

__all__ = ["minus", "minus_number", "hz_label", "grid"]


def minus(text) -> str:
    """``text`` (any object, as ``str``) with every hyphen-minus replaced by the real minus
    sign U+2212, as typeset labels use."""
    return str(text).replace("-", "\u2212")


def minus_number(value) -> str:
    """A number in ``:g`` format with a real minus sign: ``-3.5`` → ``"−3.5"``."""
    return minus(f"{value:g}")


def hz_label(value, _pos=None) -> str:
    """A frequency label: ``500`` → ``"500"``, ``2000`` → ``"2k"`` (usable as a matplotlib
    ``FuncFormatter``)."""
    return f"{value / 1000:g}k" if value >= 1000 else f"{value:g}"


def grid(ax, which: str = "both") -> None:
    """The course's light grid: 0.4 pt lines at 50 % opacity on the ``which`` ticks."""
    ax.grid(True, which=which, linewidth=0.4, alpha=0.5)

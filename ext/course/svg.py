"""The intrinsic size of an SVG file, for ``<img width height>`` (no layout shift).

Matplotlib writes ``width="288pt" height="216pt"``. CSS fixes 1in = 96px = 72pt (CSS Values
and Units, "absolute lengths"), so 1pt = 4/3 px and that is 384 x 288 px. A length without
a unit is in user units, which a browser draws as CSS pixels.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["SVG_SIZE", "svg_size_px"]

SVG_SIZE = re.compile(
    r"<svg\b[^>]*?\swidth=['\"]([\d.]+)(pt|px)?['\"][^>]*?\sheight=['\"]([\d.]+)(pt|px)?['\"]",
    re.S)
PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}


def svg_size_px(svg: Path | str | bytes) -> tuple[int, int] | None:
    """Width and height in CSS pixels of an SVG (a path, or its text), from the ``width`` and
    ``height`` of its root element; None if the file is missing or has no absolute size."""
    if isinstance(svg, Path):
        try:
            with svg.open("rb") as f:
                svg = f.read(4000)
        except OSError:
            return None
    if isinstance(svg, bytes):
        svg = svg.decode("utf-8", errors="replace")
    m = SVG_SIZE.search(svg[:4000])
    if not m:
        return None
    w, wu, h, hu = m.groups()
    return round(float(w) * PX_PER[wu]), round(float(h) * PX_PER[hu])

"""Checking listening claims: the ``Claim`` and ``Perceptual`` records, rendering, checking.

A ``Claim`` ties a phrase of a caption or text description (quoted verbatim, so that the
text and the test stay linked) to a measurement from ``soundlib.analysis`` on the audio the
learner hears (the recipe, then the directive's loudness normalization, as
``ext/audio/render.produce`` does it) and to an expected value with a tolerance, or a
direction (``op=">"`` / ``"<"``).

How a claim is measured:

1. take the example's samples, cut ``at=(start, end)`` seconds or ``block=k`` (the k-th
   sounding section, ``soundlib.analysis.block``), pick ``view`` (mix, left, right, mono,
   side) and keep ``band=(lo, hi)`` Hz if given;
2. ``value = analysis.<measure>(x, sr, **args)``; with ``against`` (an example id, possibly
   the same one, prepared the same way with the ``against_*`` fields) the measure receives it
   as ``ref=``;
3. with ``minus`` (an example id, possibly the same, prepared with the ``minus_*`` fields)
   the value becomes ``value - measure(minus)``; with ``combine="semitones"`` it becomes
   ``12 * log2(value / measure(minus))``.

A ``Perceptual`` entry marks a caption whose claims are about perception only; its phrase
must carry one of ``PERCEPTUAL_MARKERS`` so the reader sees the label too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PERCEPTUAL_MARKERS = ("to most listeners", "most listeners", "many listeners")


@dataclass(frozen=True)
class Claim:
    example: str
    phrase: str
    measure: str
    expect: float
    tol: float | None = None  # with op "≈": |value - expect| <= tol
    op: str = "≈"  # "≈", ">" or "<"
    unit: str = "dB"
    args: dict = field(default_factory=dict)
    at: tuple | None = None
    block: int | None = None
    view: str = "mix"
    band: tuple | None = None
    against: str | None = None
    against_at: tuple | None = None
    against_block: int | None = None
    against_view: str | None = None
    minus: str | None = None
    minus_at: tuple | None = None
    minus_block: int | None = None
    minus_view: str | None = None
    minus_band: tuple | None = None
    minus_args: dict | None = None
    minus_measure: str | None = None
    combine: str = "diff"
    note: str = ""

    def expectation(self) -> str:
        if self.op == "≈":
            return f"{self.expect:g} ± {self.tol:g} {self.unit}"
        return f"{self.op} {self.expect:g} {self.unit}"

    def holds(self, value: float) -> bool:
        if math.isnan(value):
            return False
        if self.op == "≈":
            return abs(value - self.expect) <= self.tol
        if self.op == ">":
            return value > self.expect
        if self.op == "<":
            return value < self.expect
        raise ValueError(f"claim on {self.example}: unknown op {self.op!r}")


@dataclass(frozen=True)
class Perceptual:
    """A caption that describes perception only; ``phrase`` carries the label."""

    example: str
    phrase: str
    note: str = ""


class ClaimError(AssertionError):
    pass


def describe(claim: Claim) -> str:
    parts = [claim.measure]
    if claim.args:
        parts.append("(" + ", ".join(f"{k}={v!r}" for k, v in claim.args.items()) + ")")
    where = []
    if claim.at:
        where.append(f"{claim.at[0]}–{claim.at[1]} s")
    if claim.block is not None:
        where.append(f"block {claim.block}")
    if claim.view != "mix":
        where.append(claim.view)
    if claim.band:
        where.append(f"{claim.band[0]}–{claim.band[1]} Hz")
    text = "".join(parts) + (f" [{', '.join(where)}]" if where else "")
    if claim.against:
        text += f" against {claim.against}"
    if claim.minus:
        text += " in semitones relative to " if claim.combine == "semitones" else " minus "
        text += f"{claim.minus_measure} of " if claim.minus_measure else ""
        text += f"{claim.minus}"
        text += f" block {claim.minus_block}" if claim.minus_block is not None else ""
        text += f" {claim.minus_at[0]}–{claim.minus_at[1]} s" if claim.minus_at else ""
    return text


def prepare(audio, sr: int, *, at=None, block=None, view="mix", band=None):
    from soundlib import analysis as an

    x = audio
    if at is not None:
        x = an.segment(x, sr, *at)
    if block is not None:
        x = an.block(x, sr, block)
    x = an.view(x, view or "mix")
    if band is not None:
        x = an.band_filter(x, sr, *band)
    return x


def measure(claim: Claim, render: Callable[[str], tuple[Any, int]]) -> float:
    """The claim's measured value (see the module docstring)."""
    from soundlib import analysis as an

    func = getattr(an, claim.measure, None)
    if func is None or claim.measure.startswith("_"):
        raise ValueError(f"claim on {claim.example}: soundlib.analysis has no measure "
                         f"{claim.measure!r}")
    audio, sr = render(claim.example)
    x = prepare(audio, sr, at=claim.at, block=claim.block, view=claim.view, band=claim.band)
    args = dict(claim.args)
    if claim.against:
        ref, rsr = render(claim.against)
        args["ref"] = prepare(ref, rsr, at=claim.against_at, block=claim.against_block,
                              view=claim.against_view or claim.view, band=claim.band)
    value = float(func(x, sr, **args))
    if claim.minus:
        other, osr = render(claim.minus)
        y = prepare(other, osr, at=claim.minus_at, block=claim.minus_block,
                    view=claim.minus_view or claim.view,
                    band=claim.minus_band if claim.minus_band is not None else claim.band)
        other_func = getattr(an, claim.minus_measure) if claim.minus_measure else func
        margs = dict(claim.minus_args if claim.minus_args is not None else claim.args)
        if "ref" in args and claim.minus_measure is None:
            margs["ref"] = args["ref"]
        base = float(other_func(y, osr, **margs))
        if claim.combine == "semitones":
            value = 12.0 * math.log2(value / base)
        else:
            value -= base
    return value


def check(claim: Claim, render, where: str = "") -> float:
    """Measure ``claim``; raise ``ClaimError`` naming the example, the phrase, the measured
    and the expected value if it does not hold. Returns the measured value."""
    value = measure(claim, render)
    if not claim.holds(value):
        raise ClaimError(
            f"{claim.example}{f' ({where})' if where else ''}: the text says "
            f"{claim.phrase!r}, but {describe(claim)} measures {value:.2f} {claim.unit}; "
            f"expected {claim.expectation()}"
        )
    return value

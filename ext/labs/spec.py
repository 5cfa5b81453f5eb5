"""A lab kind's parameters and the rules of ``.. lab::``: pure data, unit-tested without Sphinx.

:class:`Param` is one control of a lab (name, label, unit, min, max, step, default, or a list
of choices). A lab kind's module (``labs.kinds.<kind>``) lists its parameters once, in
``PARAMS``; the same list gives

* the HTML controls (``params_json``: the ``data-lab-params`` attribute that
  ``course-labs.js`` builds the sliders and number fields from),
* the print rendering (``defaults``: the settings of the build-time audio and figure,
  ``settings_text``: "delay 1 ms, level of the copy 100 %"),
* the agreement tests (the defaults the browser renders and the Python reference computes).

:func:`check_param` and :func:`check_params_list` are the rules a kind module's list must
obey; :func:`clamp` is the same clamping the browser applies to typed values (tested on both
sides against the same cases).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["ID_RE", "NAME_RE", "Param", "check_param", "check_params_list", "clamp",
           "defaults", "fmt_value", "params_json", "settings_text"]

#: A parameter name: a JavaScript and Python identifier in snake case (``delay_ms``).
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
#: A lab id (``:id:``): letters, digits, ``-`` and ``_`` (it is also an audio example id).
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Param:
    """One control of a lab.

    A numeric parameter has ``minimum``, ``maximum``, ``step`` and a numeric ``default``; a
    choice parameter has ``choices`` (values, shown as they are) and a default among them.
    ``scale="log"`` makes the slider move in equal ratios (frequencies); ``unit`` is shown
    after the value (``"ms"``, ``"Hz"``, ``"%"``; empty for none).
    """

    name: str
    label: str
    default: float | str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    choices: tuple[str, ...] = ()
    scale: str = "linear"

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)

    def as_json(self) -> dict:
        """The parameter as ``course-labs.js`` reads it."""
        if self.is_choice:
            return {"name": self.name, "label": self.label, "unit": self.unit,
                    "choices": list(self.choices), "default": self.default}
        return {"name": self.name, "label": self.label, "unit": self.unit,
                "min": self.minimum, "max": self.maximum, "step": self.step,
                "default": self.default, "scale": self.scale}


def check_param(p: Param) -> list[str]:
    """Problems with one parameter definition (empty if it is sound)."""
    problems = []
    if not NAME_RE.match(p.name):
        problems.append(f"parameter name {p.name!r} must be snake_case (letters, digits, _)")
    if not p.label.strip():
        problems.append(f"parameter {p.name!r} has no label")
    if p.scale not in ("linear", "log"):
        problems.append(f"parameter {p.name!r}: scale must be 'linear' or 'log'")
    if p.is_choice:
        if p.default not in p.choices:
            problems.append(f"parameter {p.name!r}: the default {p.default!r} is not one of "
                            f"its choices {list(p.choices)}")
        return problems
    nums = {"minimum": p.minimum, "maximum": p.maximum, "step": p.step, "default": p.default}
    for key, value in nums.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            problems.append(f"parameter {p.name!r}: {key} must be a finite number, not {value!r}")
    if problems:
        return problems
    if not p.minimum < p.maximum:
        problems.append(f"parameter {p.name!r}: min {p.minimum} must be below max {p.maximum}")
    if p.step <= 0:
        problems.append(f"parameter {p.name!r}: step must be positive")
    if not p.minimum <= p.default <= p.maximum:
        problems.append(f"parameter {p.name!r}: the default {p.default} is outside "
                        f"{p.minimum}..{p.maximum}")
    if p.scale == "log" and p.minimum <= 0:
        problems.append(f"parameter {p.name!r}: a log scale needs a positive minimum")
    return problems


def check_params_list(params: Sequence[Param]) -> list[str]:
    """Problems with a kind's whole ``PARAMS`` list: each parameter, and unique names."""
    problems = [msg for p in params for msg in check_param(p)]
    names = [p.name for p in params]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        problems.append(f"duplicate parameter names: {', '.join(dupes)}")
    if not params:
        problems.append("a lab kind needs at least one parameter")
    return problems


def defaults(params: Iterable[Param]) -> dict[str, float | str]:
    """The default settings, ``{name: default}``: the one source of truth."""
    return {p.name: p.default for p in params}


def clamp(p: Param, raw: object) -> float | str:
    """The value the control shows for a typed ``raw`` value: a number clamped into
    ``[min, max]`` and rounded to the step grid from ``min``; anything not a finite number
    gives the default. A choice keeps ``raw`` if it is a choice, else the default."""
    if p.is_choice:
        return raw if raw in p.choices else p.default
    try:
        value = float(str(raw).strip().replace("\u2212", "-"))
    except ValueError:
        return p.default
    if not math.isfinite(value):
        return p.default
    value = min(p.maximum, max(p.minimum, value))
    steps = round((value - p.minimum) / p.step)
    value = min(p.maximum, p.minimum + steps * p.step)
    return float(f"{value:.10g}")


def fmt_value(p: Param, value: float | str) -> str:
    """``"1 ms"``, ``"0.5"``, ``"sawtooth"``: a value as the text and the controls show it."""
    if p.is_choice:
        return str(value)
    text = f"{value:g}" if abs(value) < 1e6 else f"{value:.0f}"
    text = text.replace("-", "\u2212")
    return f"{text} {p.unit}" if p.unit else text


def settings_text(params: Sequence[Param], values: dict | None = None) -> str:
    """``"delay 1 ms, level of the copy 100 %"``: the settings in words (print, captions)."""
    values = defaults(params) if values is None else values
    return ", ".join(f"{_lower_first(p.label)} {fmt_value(p, values[p.name])}" for p in params)


def _lower_first(label: str) -> str:
    """``"Delay"`` → ``"delay"``, but ``"TPDF dither"`` and ``"ADSR"`` stay as written."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def params_json(params: Sequence[Param]) -> str:
    """The ``data-lab-params`` attribute: the list of parameters as compact JSON."""
    return json.dumps([p.as_json() for p in params], separators=(",", ":"), ensure_ascii=True)

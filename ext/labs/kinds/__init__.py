"""The lab kinds: one module per kind (``labs.kinds.<module>``), found by importing them all.

A kind module provides (checked by :func:`check_kind`, and by tests/labs/test_kinds.py):

``KIND``         the name used in ``.. lab:: <kind>`` and ``data-lab``, and the JS file
                 ``ext/static/labs/<KIND>.js``
``TITLE``        the lab's heading ("Comb filter lab")
``PARAMS``       a tuple of :class:`labs.spec.Param`: the controls and their defaults
``RECIPE``       the ``soundlib`` recipe that renders the build-time audio for given settings
                 (its keyword parameters are the lab's parameter names, or a subset via
                 ``recipe_params``)
``DESCRIPTION``  ``description(values) -> str``: the audio's text description
``reference``    ``reference(values, x) -> list[float]``: the Python reference (soundlib) at the
                 points ``x`` where the browser measured its rendering (``y`` values, same
                 unit as the browser's)
``TOLERANCE``    the agreement tolerance, in the unit of ``y`` (0.5 dB for a filter's
                 magnitude response, 0.5 dB at each point of a dynamics transfer curve)
``FLOOR``        (optional) values below it count as equal to it in the comparison (a comb's
                 notches are minus infinity dB in theory; the comparison stops at -30 dB)
``UNIT``         the unit of ``y`` ("dB", "Hz")
``figure``       ``figure(values) -> matplotlib.figure.Figure``: the print figure (no pyplot)
``ALT``          ``alt(values) -> str``: the figure's text alternative
``recipe_params``  (optional) ``recipe_params(values) -> dict`` for the recipe
``LOUDNESS``     (optional) the audio example's ``:loudness:``: a target in LUFS, or None
                 for none (a 34 Hz tone cannot be normalized by a K-weighted measure)
``LESSON_FACTS``   (optional) texts that the lesson must contain just before each
                 ``.. lab::`` of this kind: the defaults in the lesson's words ("1 ms"), so
                 that the lesson and the lab cannot disagree (tests/labs/test_lessons.py)

The browser side of the kind is ``ext/static/labs/<KIND>.js`` (the contract is in
ext/README.md, "Labs").
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from labs.spec import check_params_list

__all__ = ["all_kinds", "check_kind", "get_kind"]

REQUIRED = ("KIND", "TITLE", "PARAMS", "RECIPE", "description", "reference", "TOLERANCE",
            "UNIT", "figure", "alt")

_KINDS: dict[str, ModuleType] = {}


def all_kinds() -> dict[str, ModuleType]:
    """Every kind module, by ``KIND`` (modules whose name starts with ``_`` are helpers)."""
    if not _KINDS:
        found = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            kind = getattr(module, "KIND", None)
            if kind in found:
                raise ValueError(f"lab kind {kind!r} is defined twice ({found[kind].__name__}, "
                                 f"{module.__name__})")
            found[kind] = module
        _KINDS.update(found)
    return dict(_KINDS)


def get_kind(kind: str) -> ModuleType:
    """The module of ``kind``; ``KeyError`` with the known kinds if there is none."""
    kinds = all_kinds()
    if kind not in kinds:
        raise KeyError(f"unknown lab kind {kind!r}; the kinds are: {', '.join(sorted(kinds))}")
    return kinds[kind]


def check_kind(module: ModuleType) -> list[str]:
    """Problems with a kind module's contract (missing names, bad parameters)."""
    problems = [f"{module.__name__} has no {name}" for name in REQUIRED
                if not hasattr(module, name)]
    if problems:
        return problems
    problems += check_params_list(module.PARAMS)
    if not (isinstance(module.TOLERANCE, (int, float)) and module.TOLERANCE > 0):
        problems.append(f"{module.__name__}: TOLERANCE must be a positive number")
    return problems

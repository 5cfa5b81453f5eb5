"""labs.spec: parameter rules, defaults, clamping and formatting, without Sphinx; and the
contract of every kind module (labs.kinds). Each rule has an input that breaks it."""

from __future__ import annotations

import types

import pytest

from labs import spec
from labs.kinds import all_kinds, check_kind
from labs.spec import Param

DELAY = Param("delay_ms", "Delay", 1.0, "ms", 0.1, 20.0, 0.1, scale="log")
WAVE = Param("wave", "Wave", "sawtooth", choices=("sawtooth", "square"))


def test_defaults_are_the_one_source():
    assert spec.defaults([DELAY, WAVE]) == {"delay_ms": 1.0, "wave": "sawtooth"}


def test_params_json_carries_every_field():
    import json

    data = json.loads(spec.params_json([DELAY, WAVE]))
    assert data[0] == {"name": "delay_ms", "label": "Delay", "unit": "ms", "min": 0.1,
                       "max": 20.0, "step": 0.1, "default": 1.0, "scale": "log"}
    assert data[1]["choices"] == ["sawtooth", "square"] and data[1]["default"] == "sawtooth"


@pytest.mark.parametrize(("raw", "want"), [
    ("99999", 20.0), ("-5", 0.1), ("abc", 1.0), ("", 1.0), ("nan", 1.0), ("inf", 1.0),
    ("2.34", 2.3), ("\u22121", 0.1), (3, 3.0),
])
def test_clamp_numbers(raw, want):
    assert spec.clamp(DELAY, raw) == pytest.approx(want)


def test_clamp_choices():
    assert spec.clamp(WAVE, "square") == "square"
    assert spec.clamp(WAVE, "banjo") == "sawtooth"


def test_formatting_and_settings_text():
    assert spec.fmt_value(DELAY, 1.0) == "1 ms"
    assert spec.fmt_value(Param("g", "Gain", -3.0, "dB", -24, 24, 0.5), -3.0) == "\u22123 dB"
    assert spec.settings_text([DELAY, WAVE]) == "delay 1 ms, wave sawtooth"
    tpdf = Param("dither", "TPDF dither", "on", choices=("on", "off"))
    assert spec.settings_text([tpdf]) == "TPDF dither on"


@pytest.mark.parametrize(("param", "fragment"), [
    (Param("Delay", "Delay", 1.0, "ms", 0.1, 20, 0.1), "snake_case"),
    (Param("d", " ", 1.0, "ms", 0.1, 20, 0.1), "no label"),
    (Param("d", "D", 30.0, "ms", 0.1, 20, 0.1), "outside"),
    (Param("d", "D", 1.0, "ms", 20, 0.1, 0.1), "below max"),
    (Param("d", "D", 1.0, "ms", 0.1, 20, 0), "step must be positive"),
    (Param("d", "D", 1.0, "ms", 0, 20, 0.1, scale="log"), "positive minimum"),
    (Param("d", "D", 1.0, "ms", 0.1, 20, 0.1, scale="cubic"), "scale must be"),
    (Param("d", "D", None, "ms", 0.1, 20, 0.1), "finite number"),
    (Param("w", "W", "banjo", choices=("saw",)), "not one of its choices"),
])
def test_broken_parameters_are_reported(param, fragment):
    problems = spec.check_param(param)
    assert any(fragment in p for p in problems), problems


def test_duplicate_and_missing_parameters():
    assert any("duplicate" in p for p in spec.check_params_list([DELAY, DELAY]))
    assert any("at least one" in p for p in spec.check_params_list([]))


@pytest.mark.parametrize("kind", sorted(all_kinds()))
def test_every_kind_keeps_the_contract(kind):
    module = all_kinds()[kind]
    assert check_kind(module) == []
    assert module.KIND == kind
    values = spec.defaults(module.PARAMS)
    assert module.description(values).strip() and module.alt(values).strip()
    from matplotlib.figure import Figure

    assert isinstance(module.figure(values), Figure)
    from soundlib.recipes import get_recipe, load_all

    load_all()
    get_recipe(module.RECIPE)  # KeyError if the recipe is missing
    from pathlib import Path

    from course.assets import STATIC_DIR

    assert (Path(STATIC_DIR) / "labs" / f"{kind}.js").is_file()


def test_a_broken_kind_module_is_reported():
    broken = types.ModuleType("labs.kinds.broken")
    broken.KIND, broken.TITLE, broken.PARAMS = "broken", "Broken", (DELAY, DELAY)
    assert any("has no RECIPE" in p for p in check_kind(broken))
    for name in ("RECIPE", "description", "reference", "UNIT", "figure", "alt"):
        setattr(broken, name, "x")
    broken.TOLERANCE = 0
    problems = check_kind(broken)
    assert any("duplicate" in p for p in problems) and any("TOLERANCE" in p for p in problems)


def test_unknown_kind_lists_the_known_ones():
    from labs.kinds import get_kind

    with pytest.raises(KeyError, match="comb"):
        get_kind("nonesuch")

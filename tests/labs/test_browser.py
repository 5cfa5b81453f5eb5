"""The labs in Chromium, as a learner uses them: a keyboard-only walk through a lab (served
with the strict CSP), and bad input typed into every lab's number field (opened from disk,
file://, where the labs must work too). Each check has a broken fixture that fails it."""

from __future__ import annotations

import pytest

import browser
from labsite import LAB_PAGE, bad_input_problems, run_labs_mjs, walk_problems


@pytest.fixture(scope="module")
def walk(lab_site):
    browser.require_tools()
    site, _app = lab_site
    with browser.served(site) as base:
        return run_labs_mjs("keyboard", base + LAB_PAGE)


def test_keyboard_walk_reveals_changes_resets_and_plays(walk):
    assert walk_problems(walk) == []


def test_keyboard_check_fails_a_broken_walk(walk):
    import copy

    broken = copy.deepcopy(walk)
    broken["steps"]["after"] = broken["steps"]["before"]       # arrows did nothing
    broken["steps"]["playing"]["levelDb"] = None                # silence
    problems = walk_problems(broken)
    assert any("ArrowRight" in p for p in problems) and any("no sound" in p for p in problems)


@pytest.fixture(scope="module")
def bad_input(lab_site):
    browser.require_tools()
    site, _app = lab_site
    return run_labs_mjs("badinput", (site / LAB_PAGE).as_uri())


def test_typed_values_are_clamped_shown_and_sound(bad_input):
    assert bad_input["exceptions"] == []
    assert bad_input["results"], "no lab on the page"
    problems = [p for entry in bad_input["results"] for p in bad_input_problems(entry)]
    assert problems == []


def test_bad_input_check_fails_on_nan_and_silence(bad_input):
    entry = dict(bad_input["results"][0], **{"abc": "NaN", "99999": "99999"})
    entry["sound"] = {"finite": True, "rmsDb": None}
    problems = bad_input_problems(entry)
    assert len([p for p in problems if "typed" in p]) == 2
    assert any("sounds" in p for p in problems)


@pytest.fixture(scope="module")
def axe_runs(lab_site):
    browser.require_tools()
    site, _app = lab_site
    with browser.served(site) as base:
        return (run_labs_mjs("axe", base + LAB_PAGE),
                run_labs_mjs("axe", base + LAB_PAGE, "break"))


def test_revealed_labs_are_axe_clean_in_light_and_dark_under_the_csp(axe_runs):
    good, _ = axe_runs
    assert good["light"] == [] and good["dark"] == [], (good["light"], good["dark"])
    # The test root's theme markup is not rewritten for the CSP as the course's is (the site
    # audit checks the course's pages); the labs' own scripts must cause no violation.
    ours = [v for v in good["csp"] if "_static/" in v]
    assert ours == [] and good["exceptions"] == [], ours


def test_axe_reports_a_lab_control_without_a_label(axe_runs):
    _, broken = axe_runs
    assert any(v["id"] == "label" for v in broken["light"]), broken["light"]

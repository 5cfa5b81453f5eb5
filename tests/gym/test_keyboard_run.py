"""Keyboard only: a run passes level 1 of two drills (EQ band identification and panning),
under the site's strict Content-Security-Policy (tools/serve.py), with visible focus."""

from gym_helpers import broken_copy, run_gym, site

import browser


def keyboard_run(site_dir):
    with browser.served(site_dir) as base:
        return run_gym("keyboard", f"eq-band={base}gym/eq.html", f"pan={base}gym/space.html")


def test_a_keyboard_only_run_passes_one_level_of_two_drills():
    out = keyboard_run(site())
    assert not out["errors"], out["errors"]
    runs = {r["kind"]: r for r in out["runs"]}
    assert runs["eq-band"]["result"] == "passed" and runs["eq-band"]["trials"] == 12
    assert runs["pan"]["result"] == "passed" and runs["pan"]["trials"] == 10
    assert all(r["focusVisible"] for r in out["runs"])
    drills = out["record"]["areas"]["gym"]["drills"]
    assert drills["eq-band"]["level"] == 1 and drills["eq-band"]["levels"] == 11
    assert drills["pan"] == {**drills["pan"], "level": 1, "levels": 4, "title": "Panning",
                             "page": "gym/space"}


def test_broken_number_keys_fail_the_run(tmp_path):
    # the runner ignores number keys: the keyboard-only run cannot answer
    broken = broken_copy(tmp_path, "_static/gym/course-gym.js",
                         "} else if (choiceButtons[k] && choiceButtons[k].control) {",
                         "} else if (false) {")
    try:
        out = keyboard_run(broken)
    except AssertionError as e:
        assert "Timeout" in str(e) or "timeout" in str(e)
    else:
        assert any(r["result"] != "passed" for r in out["runs"])

"""Bad input in the browser: a tampered import file and a corrupt stored record each give the
clear message, and existing progress is kept (the corrupt record as a damaged copy)."""

import json

from gym_helpers import broken_copy, run_gym, site

import browser

TAMPERED = json.dumps({
    "format": "open-audio-course-progress", "version": 1, "updated": None,
    "areas": {"gym": {"drills": {"pan": {"level": 40, "levels": 4, "title": "Panning",
                                         "page": "gym/space"}}}},
})


def bad_input_run(site_dir):
    with browser.served(site_dir) as base:
        return run_gym("bad-input", f"{base}gym/space.html", f"{base}gym/index.html", TAMPERED)


def test_tampered_import_and_corrupt_record_give_the_message_and_keep_progress():
    out = bad_input_run(site())
    assert not out["errors"], out["errors"]
    assert out["tamperedMessage"].startswith("This file cannot be imported: areas.gym: drill "
                                             '"pan": "level" is not a whole number from 0 to 4')
    assert out["tamperedMessage"].endswith("Your progress is unchanged.")
    assert out["keptAfterImport"] is True
    for problem in (out["drillProblem"], out["indexProblem"]):
        assert problem.startswith("Your saved progress could not be read (areas.gym: drill "
                                  '"pan": "level"'), problem
        assert '"course-learner:damaged"' in problem
    assert out["damagedKept"] == out["corrupt"]


def test_a_validator_that_accepts_anything_fails_the_check(tmp_path):
    broken = broken_copy(tmp_path, "_static/gym/gym-record.js",
                         "  function validate(value) {\n",
                         "  function validate(value) {\n    return null;\n")
    out = bad_input_run(broken)
    assert out["keptAfterImport"] is False
    assert out["drillProblem"] == ""

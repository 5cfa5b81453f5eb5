"""Progress: a passed level survives a reload and shows on the gym's index; export, then
import into an empty browser, gives the same record back (CourseStore area "gym"); reset
empties the gym's area and keeps the others."""

from gym_helpers import broken_copy, run_gym, site

import browser


def progress_run(site_dir):
    with browser.served(site_dir) as base:
        return run_gym("progress", f"{base}gym/space.html", f"{base}gym/index.html", "pan")


def test_progress_survives_a_reload_and_export_import_round_trips():
    out = progress_run(site())
    assert not out["errors"], out["errors"]
    assert out["run"]["result"] == "passed"
    assert out["afterReload"].strip() == "Passed: level 1 of 4."
    assert out["indexLevel"] == "Level 1 of 4 passed."
    assert out["exportedHref"].startswith("data:application/json")
    assert out["cleared"] is None
    assert out["importMessage"] == "Progress imported."
    assert out["sameAreas"] is True
    assert out["after"]["areas"]["gym"]["drills"]["pan"]["level"] == 1
    assert out["afterReset"] == {"gym": {"drills": {}}, "other": {"kept": True}}
    assert out["resetMessage"] == "Your gym progress was reset."


def test_a_runner_that_does_not_save_fails_the_check(tmp_path):
    broken = broken_copy(tmp_path, "_static/gym/course-gym.js",
                         'if (passed) { saveProgress(cfg, def, state.level + 1, extra); }', "")
    out = progress_run(broken)
    assert out["afterReload"].strip() != "Passed: level 1 of 4."

"""The browser walk (tests/browser/progress.mjs), served with the strict CSP and from file://:
answer a quiz (one wrong), see it on the progress page and in the review queue, reload, see
it again; a day later it is due; mark a lesson done and see the sidebar tick after a reload."""

from __future__ import annotations

import pytest

Q1 = "modules/01-one/lesson-a.html#q-p01-longer-wavelength"


@pytest.fixture(params=["walk_http", "walk_file"])
def walk(request) -> dict:
    return request.getfixturevalue(request.param)


def check_quiz_and_queue(w: dict) -> None:
    walk = w["walk"]
    assert walk["wrong"].startswith("Not quite") and walk["right"] == "Correct."
    assert walk["tally"] == walk["tallyAfterReload"] == "1 of 2 correct"
    assert walk["restoredChoice"] is True
    for view in (walk["progress"], walk["progressAfterReload"]):
        assert view["nojsHidden"] and view["says"]
        assert view["m1"] == ["2 of 3", "1", "0 of 1"]
        assert view["m2"] == ["0 of 0", "0", "0 of 1"]
        assert view["due"] == []
        assert len(view["later"]) == 1
        assert view["later"][0]["href"] == Q1
        assert view["later"][0]["text"].startswith("Question 1.1 in Lesson A: hearing wavelengths: due ")
        assert view["later"][0]["text"].endswith("(review 1 of 3)")
        assert view["message"] == ""
        assert view["exportPrefix"].startswith("data:application/json;charset=utf-8,")
    record = walk["record"]["areas"]
    assert record["quiz"]["p01-longer-wavelength"]["ok"] is False
    assert record["quiz"]["p01-longer-wavelength"]["page"] == "modules/01-one/lesson-a"
    assert list(record["review"]) == ["p01-longer-wavelength"]


def check_next_day(w: dict) -> None:
    walk = w["walk"]
    nd = walk["nextDay"]
    assert nd["due"] == [{"text": "Question 1.1 in Lesson A: hearing wavelengths", "href": Q1}]
    assert nd["later"] == []
    entry = walk["review"]["p01-longer-wavelength"]
    assert entry["step"] == 1
    from datetime import datetime

    due = datetime.fromisoformat(entry["due"].replace("Z", "+00:00")).timestamp() * 1000
    assert abs(due - walk["nextDayNow"] - 3 * 86400000) < 5000


def check_mark_done(w: dict) -> None:
    walk = w["walk"]
    assert walk["buttonBefore"] == "Mark this lesson as done"
    assert walk["buttonAfter"].startswith("Marked as done")
    assert walk["pressed"] == "true"
    tick = {"text": "Lesson A: hearing wavelengths\u2713 (done)"}
    assert [{"text": s["text"]} for s in walk["sidebarLesson"]] == [tick]
    assert walk["sidebarProgress"] == [{**tick, "href": "modules/01-one/lesson-a.html"}]
    assert walk["progressDone"]["m1"][2] == "1 of 1"
    assert walk["progressDone"]["done"] == [
        {"text": "Lesson A: hearing wavelengths (Module 1: One)", "href": "modules/01-one/lesson-a.html"}]
    assert walk["record"]["areas"]["lessons"].keys() == {"modules/01-one/lesson-a"}
    # module index, review quiz, exercise, home: no button
    assert walk["buttonOnNonLessons"] == [0, 0, 0, 0]


def test_quiz_then_progress_page_and_review_queue(walk):
    check_quiz_and_queue(walk)


def test_a_day_later_the_missed_question_is_due(walk):
    check_next_day(walk)


def test_mark_as_done_and_the_sidebar_tick(walk):
    check_mark_done(walk)


def test_clean_under_csp_no_errors_no_other_origins(walk):
    assert walk["csp"] == []
    assert walk["errors"] == []
    assert walk["otherOrigins"] == []


def test_without_javascript_the_page_says_what_it_does(walk):
    text = walk["nojs"]
    assert "needs JavaScript" in text
    assert "kept in this browser only" in text and "sent nowhere" in text
    assert "review queue" in text
    assert walk["nojsButtonVisible"] is False


def test_the_gym_levels_show_when_present(walk):
    assert walk["bad"]["gym"] == [{"text": "EQ boost: level 3 of 8", "href": "modules/02-two/lesson-c.html"}]


def test_axe_clean_light_and_dark_with_data(walk):
    assert len(walk["axe"]) == 8  # four states of the pages, light and dark
    assert {k: v for k, v in walk["axe"].items() if v} == {}


# ---- the checks can fail -------------------------------------------------------------------


def test_a_schedule_that_forgets_misses_fails_the_walk(broken_walk):
    with pytest.raises(AssertionError):
        check_quiz_and_queue(broken_walk("no-review"))


def test_a_button_that_marks_nothing_fails_the_walk(broken_walk):
    with pytest.raises(AssertionError):
        check_mark_done(broken_walk("no-mark"))


def test_axe_catches_an_unlabelled_import(broken_walk):
    found = broken_walk("unlabelled-import")["axe"]
    assert any(v.startswith("label:") for v in found["progress with data light"])


def test_an_old_tally_moves_into_the_record(walk):
    mig = walk["migrate"]
    assert mig["tally"] == "0 of 2 correct (1 answered)"
    assert mig["after"] is None  # removed once the record holds it
    assert mig["record"]["quiz"]["p01-kilohertz"]["wrong"] == 1
    assert mig["record"]["quiz"]["p01-kilohertz"]["value"] == [0]
    assert list(mig["record"]["review"]) == ["p01-kilohertz"]
    # when the record cannot be written (newer version), the old tally stays where it was
    assert mig["newerKeptLegacy"] is True and mig["newerUntouched"] is True
    assert "newer version of this course" in mig["newerStatus"]

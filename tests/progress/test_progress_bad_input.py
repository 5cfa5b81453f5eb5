"""Bad input in the browser: a corrupt stored record, an import file from a newer version and
a hand-edited import file each give a clear message, and the stored record stays as it was.
Also Export (a data: link and the JSON to copy), Reset (asks first) and Import round trip."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["walk_http", "walk_file"])
def bad(request) -> dict:
    return request.getfixturevalue(request.param)["bad"]


def check_imports(bad: dict) -> None:
    newer, edited = bad["newer"], bad["edited"]
    assert newer["message"] == ("This file comes from a newer version of the course (format "
                                "version 2; this page reads version 1). Your progress is unchanged.")
    assert edited["message"].startswith("This file cannot be imported: areas.quiz: question "
                                        '"p01-longer-wavelength": "right" and "wrong" must be whole numbers')
    assert edited["message"].endswith("It may have been edited by hand. Your progress is unchanged.")
    assert bad["notJson"]["message"].startswith("This file is not a progress export: it is not valid JSON")
    for case in (newer, edited, bad["notJson"]):
        assert case["unchanged"] is True  # the stored JSON, byte for byte
    assert newer["view"] == edited["view"] == ["1 of 3", "0", "0 of 1"]


def check_corrupt(bad: dict) -> None:
    corrupt = bad["corrupt"]
    raw = '{"format": "open-audio-course-progress", broken'
    assert corrupt["message"].startswith("Your saved progress could not be read (it is not valid JSON). "
                                         'A copy of it is kept in this browser as "course-learner:damaged"')
    assert corrupt["damagedShown"] is True
    assert corrupt["kept"] == [raw, raw]  # nothing written over, the copy made
    assert corrupt["lessonStatus"] == corrupt["message"]  # the lesson page says it too
    assert corrupt["quizStillWorks"] == "Correct."
    assert corrupt["damagedAfterSave"] == raw  # saving new progress keeps the copy


def test_newer_and_hand_edited_imports_change_nothing(bad):
    check_imports(bad)


def test_a_corrupt_stored_record_is_kept_and_explained(bad):
    check_corrupt(bad)


def test_export_reset_and_import_round_trip(bad):
    assert bad["exportMatches"] is True and bad["textareaMatches"] is True
    assert bad["exportDownload"] == "course-progress.json"
    assert bad["resetDismissed"] is True
    assert bad["resetAccepted"] == {"stored": None, "view": ["0 of 3", "0", "0 of 1"]}
    assert bad["reimport"] == {"message": "Progress imported.", "view": ["1 of 3", "0", "0 of 1"],
                               "areasSame": True}


def test_an_unchecked_import_fails_the_check(broken_walk):
    with pytest.raises(AssertionError):
        check_imports(broken_walk("no-import-check")["bad"])


def test_a_store_that_drops_a_corrupt_record_fails_the_check(broken_walk):
    with pytest.raises(AssertionError):
        check_corrupt(broken_walk("no-damaged-copy")["bad"])

"""ext/quiz/: EPUB, text, singlehtml and spelling outputs of the quiz test roots."""

from __future__ import annotations

import re

import pytest

from quiz_helpers import EXT, build, copy_root, numbers, soup

# ---------------------------------------------------------------------------------------------
# EPUB, text, singlehtml
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def epub(tmp_path_factory):
    return build(copy_root(tmp_path_factory, "quiz"), "epub")


def test_epub_answers_move_to_the_key(epub):
    outdir, warnings, statuscode, _env, _status = epub
    assert statuscode == 0 and "quiz" not in warnings
    lesson = soup(outdir / "modules/01-sound/lesson-a.xhtml")
    q = lesson.select_one("#q-m01-longer-wavelength")
    assert "lower frequency" not in q.get_text()
    assert q.select("details") == []
    link = q.select_one(".quiz-answer-link a")
    assert link["href"] == "answers.xhtml#a-m01-longer-wavelength"
    assert not lesson.select_one("div.quiz").has_attr("data-interactive")

    key = soup(outdir / "modules/01-sound/answers.xhtml")
    entry = key.select_one("#a-m01-longer-wavelength")
    assert "lower frequency" in entry.get_text()
    assert entry.select_one(".quiz-key-title a")["href"] == (
        "lesson-a.xhtml#q-m01-longer-wavelength")
    assert len(key.select(".quiz-key-entry")) == 6
    # the audio extension copies the audio into the EPUB too
    beats = soup(outdir / "modules/01-sound/lesson-b.xhtml").select_one("#q-m01-count-beats")
    assert beats.select_one("audio source")["src"] == "../../_audio/m01-beating.mp3"


def test_text_builder_fallback(tmp_path_factory):
    outdir, warnings, statuscode, _env, _status = build(copy_root(tmp_path_factory, "quiz"),
                                                        "text")
    assert statuscode == 0 and warnings.strip() == ""
    lesson = (outdir / "modules/01-sound/lesson-a.txt").read_text(encoding="utf-8")
    assert "Question 1.2" in lesson and "**(A)** hertz" in lesson and "**(C)** cycles" in lesson
    assert "Listen to Audio 1.1 in the online course." in (
        outdir / "modules/01-sound/lesson-b.txt").read_text(encoding="utf-8")
    answers = (outdir / "modules/01-sound/answers.txt").read_text(encoding="utf-8")
    assert "Question 1.6" in answers and "rises with temperature" in answers


def test_singlehtml_links(tmp_path_factory):
    outdir, warnings, statuscode, _env, _status = build(copy_root(tmp_path_factory, "quiz"),
                                                        "singlehtml")
    assert statuscode == 0 and warnings.strip() == ""
    page = soup(outdir / "index.html")
    assert numbers(page)[:3] == ["Question 1.1", "Question 1.2", "Question 1.3"]
    entry = page.select_one("#key-m01-count-beats")
    assert entry.select_one(".quiz-key-title a")["href"] == "#q-m01-count-beats"
    copied = page.select_one("#key-m01-longer-wavelength .quiz-explanation a")
    assert copied["href"] == "#m01-wavelength"
    assert page.select_one("#a-m01-count-beats").name == "details"
    assert page.select_one("#q-m01-count-beats source")["src"] == "_audio/m01-beating.mp3"


# ---------------------------------------------------------------------------------------------
# Spelling
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("site", [False, True], ids=["plain", "with-course-site"])
def test_spelling_builder_sees_quiz_text(tmp_path_factory, site):
    pytest.importorskip("sphinxcontrib.spelling")
    overrides = {}
    if site:
        # ext/course_site.py makes the spelling builder check every text node, generated
        # ones included: still each misspelling once, and no generated word flagged
        if not (EXT / "course_site.py").exists():
            pytest.skip("ext/course_site.py is not there")
        overrides = {"extensions": ["sphinx_design", "quiz", "sphinxcontrib.spelling",
                                    "course_site"], "course_links_file": ""}
    outdir, warnings, _statuscode, _env, _status = build(
        copy_root(tmp_path_factory, "quiz-spelling"), "spelling", confoverrides=overrides)
    report = (outdir / "index.spelling").read_text(encoding="utf-8")
    found = re.findall(r"\((\w+)\)", report)
    # quiz title, prompt, an option, the model answer and the explanation, each once
    assert sorted(found) == sorted(["Chek", "loudst", "higest", "rainge", "lowder"]), report
    assert re.search(r"index\.rst:9: \(higest\)", report)
    assert re.search(r"index\.rst:14: \(lowder\)", report)



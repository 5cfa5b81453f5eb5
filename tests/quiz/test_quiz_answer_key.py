"""ext/quiz/: incremental builds keep the numbers and the answer key up to date."""

from __future__ import annotations

from quiz_helpers import build, copy_root, numbers, soup

# ---------------------------------------------------------------------------------------------
# Incremental builds
# ---------------------------------------------------------------------------------------------


NEW_QUESTION = """
   .. question:: Which travels faster in air, sound or light?
      :id: m01-faster

      - sound
      - [x] light

      .. explanation::

         Light travels at about 300,000 km/s; sound at about 343 m/s.
"""


def test_incremental_build_renumbers_the_module(tmp_path_factory):
    src = copy_root(tmp_path_factory, "quiz")
    outdir, warnings, statuscode, _env, _status = build(src, "html")
    assert statuscode == 0
    base = outdir / "modules/01-sound"
    assert numbers(soup(base / "lesson-b.html"))[0] == "Question 1.3"

    lesson_a = src / "modules/01-sound/lesson-a.rst"
    lesson_a.write_text(lesson_a.read_text(encoding="utf-8") + NEW_QUESTION, encoding="utf-8")
    outdir, warnings, statuscode, env, status = build(src, "html")
    assert statuscode == 0 and warnings.strip() == ""
    # lesson-a changed; the other pages of its module with questions or a key are read again
    assert "0 added, 4 changed, 0 removed" in status, status
    assert numbers(soup(base / "lesson-a.html")) == [f"Question 1.{k}" for k in (1, 2, 3)]
    assert numbers(soup(base / "lesson-b.html")) == [f"Question 1.{k}" for k in (4, 5, 6)]
    assert numbers(soup(base / "review.html")) == ["Question 1.7"]
    key = soup(base / "answers.html")
    assert len(key.select(".quiz-key-entry")) == 7
    assert key.select(".quiz-key-entry")[2]["id"] == "key-m01-faster"
    # a page outside the module is not renumbered
    assert numbers(soup(outdir / "other.html")) == ["Question 1", "Question 2"]
    assert env.domains["quiz"].numbers["modules/01-sound/review"] == ["1.7"]




def test_edited_explanation_reaches_the_answer_key(tmp_path_factory):
    """The key page shows copies of the answers written on other pages: editing an explanation
    must rewrite the key (the module's pages are read again, see quiz.collector.get_outdated),
    even though the key page's own source did not change."""
    src = copy_root(tmp_path_factory, "quiz")
    outdir, _warnings, statuscode, _env, _status = build(src, "html")
    assert statuscode == 0
    key_page = outdir / "modules/01-sound/answers.html"
    entry = soup(key_page).select_one("#key-m01-frequency-units")
    assert "Hertz means cycles per second" in entry.get_text()

    lesson_a = src / "modules/01-sound/lesson-a.rst"
    lesson_a.write_text(lesson_a.read_text(encoding="utf-8").replace(
        "Hertz means cycles per second; the decibel is a ratio.",
        "One hertz is one cycle per second; the decibel measures a ratio."), encoding="utf-8")
    outdir, warnings, statuscode, _env, _status = build(src, "html")
    assert statuscode == 0 and warnings.strip() == ""
    entry = soup(key_page).select_one("#key-m01-frequency-units")
    assert "One hertz is one cycle per second" in entry.get_text()
    assert "Hertz means cycles per second" not in soup(key_page).get_text()

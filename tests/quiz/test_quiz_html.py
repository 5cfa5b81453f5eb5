"""ext/quiz/: the HTML output of tests/roots/test-quiz (built once, with -j2), and quiz.js in a browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from quiz_helpers import build, copy_root, numbers, soup, text

# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    # parallel=2 also exercises env-merge-info (7 documents: Sphinx reads in parallel above 5)
    return build(copy_root(tmp_path_factory, "quiz"), "html", parallel=2)


def test_html_builds_cleanly(html):
    _outdir, warnings, statuscode, _env, _status = html
    assert statuscode == 0
    assert warnings.strip() == ""


def test_html_quiz_wrapper_and_data_attributes(html):
    page = soup(html[0] / "modules/01-sound/lesson-a.html")
    quiz = page.select_one("div.quiz")
    assert quiz is not None
    assert quiz["data-quiz-id"] == "lesson-a-check"
    assert quiz["id"] == "quiz-lesson-a-check"
    assert quiz["data-interactive"] == "true"
    assert quiz.select_one(".quiz-title").get_text(strip=True) == "Self-check"
    q = page.select_one("#q-m01-longer-wavelength")
    assert "quiz-question" in q["class"]
    assert q["data-type"] == "single"
    assert q["data-correct"] == "1"
    assert q["role"] == "group" and q["aria-labelledby"] == "q-m01-longer-wavelength-title"
    q2 = page.select_one("#q-m01-frequency-units")
    assert q2["data-type"] == "multiple" and q2["data-correct"] == "0,2"


def test_html_numbering_across_the_lessons_of_a_module(html):
    base = html[0] / "modules/01-sound"
    assert numbers(soup(base / "lesson-a.html")) == ["Question 1.1", "Question 1.2"]
    assert numbers(soup(base / "lesson-b.html")) == ["Question 1.3", "Question 1.4",
                                                      "Question 1.5"]
    assert numbers(soup(base / "review.html")) == ["Question 1.6"]
    # outside modules/: numbered within the document
    assert numbers(soup(html[0] / "other.html")) == ["Question 1", "Question 2"]


def test_html_question_heading_is_a_permalink(html):
    page = soup(html[0] / "modules/01-sound/lesson-b.html")
    title = page.select_one("#q-m01-wavelength-100 .quiz-question-title")
    assert title["id"] == "q-m01-wavelength-100-title"
    link = title.select_one("a")
    assert link["href"] == "#q-m01-wavelength-100"
    assert link.get_text(strip=True) == "Question 1.3"


def test_html_answer_is_in_a_closed_sphinx_design_dropdown(html):
    page = soup(html[0] / "modules/01-sound/lesson-a.html")
    q = page.select_one("#q-m01-longer-wavelength")
    details = q.select("details")
    assert len(details) == 1
    details = details[0]
    assert details["id"] == "a-m01-longer-wavelength"
    assert "sd-dropdown" in details["class"]
    assert not details.has_attr("open")
    assert text(details.select_one("summary")) == "Answer to question 1.1"
    statement = text(details.select_one(".quiz-answer-statement"))
    assert statement.startswith("Correct answer: B")
    assert "100 Hz" in statement
    assert "lower frequency" in details.select_one(".quiz-explanation").get_text()
    # nothing of the answer outside the dropdown
    outside = q.get_text().replace(details.get_text(), "")
    assert "lower frequency" not in outside


def test_html_options_are_lettered(html):
    page = soup(html[0] / "modules/01-sound/lesson-a.html")
    ol = page.select_one("#q-m01-frequency-units ol.quiz-options")
    assert ol["type"] == "A"
    items = ol.select("li.quiz-option")
    assert [li.get_text(strip=True) for li in items] == ["hertz", "decibel", "cycles per second"]
    assert [li["data-index"] for li in items] == ["0", "1", "2"]
    # the [x] / [ ] markers are gone
    assert "[x]" not in ol.get_text() and "[ ]" not in ol.get_text()


def test_html_true_false_and_numeric(html):
    review = soup(html[0] / "modules/01-sound/review.html")
    tf = review.select_one("#q-m01-warm-air")
    assert tf["data-type"] == "true-false" and tf["data-correct"] == "0"
    assert [li.get_text(strip=True) for li in tf.select("li")] == ["True", "False"]
    assert "Correct answer: True" in text(tf.select_one(".quiz-answer-statement"))

    page = soup(html[0] / "modules/01-sound/lesson-b.html")
    num = page.select_one("#q-m01-wavelength-100")
    assert float(num["data-answer"]) == 3.43
    assert float(num["data-tolerance"]) == pytest.approx(3.43 * 0.02)
    assert num["data-unit"] == "m"
    assert num.select_one(".quiz-hint").get_text(strip=True) == "Give the value in m, within ±2%."
    assert num.select_one("ol") is None
    statement = text(num.select_one(".quiz-answer-statement"))
    assert "3.43 m" in statement and "±2%" in statement

    short = page.select_one("#q-m01-diffraction")
    assert short["data-type"] == "short"
    assert "diffracts" in short.select_one("details .quiz-model-answer").get_text()


def test_html_listening_question_has_a_player(html):
    page = soup(html[0] / "modules/01-sound/lesson-b.html")
    q = page.select_one("#q-m01-count-beats")
    audio = q.select_one(".quiz-audio audio")
    assert audio is not None
    assert audio["preload"] == "none"
    assert audio.has_attr("controls")
    assert audio.select_one("source")["src"] == "../../_audio/m01-beating.mp3"
    assert audio.select_one("source")["type"] == "audio/mpeg"
    assert audio["aria-label"] == "Audio 1.1"
    title = q.select_one(".quiz-audio .quiz-audio-title")
    assert text(title) == "Listen: Audio 1.1"
    assert title.select_one("a")["href"] == "lesson-a.html#audio-m01-beating"


def test_html_answer_key_lists_the_module_in_order(html):
    page = soup(html[0] / "modules/01-sound/answers.html")
    entries = page.select("div.quiz-answer-key div.quiz-key-entry")
    assert [e.select_one(".quiz-key-title").get_text(strip=True) for e in entries] == [
        f"Question 1.{k}" for k in range(1, 7)]
    assert entries[0]["id"] == "key-m01-longer-wavelength"
    assert entries[0].select_one(".quiz-key-title a")["href"] == (
        "lesson-a.html#q-m01-longer-wavelength")
    assert entries[3].select_one(".quiz-key-title a")["href"] == "lesson-b.html#q-m01-count-beats"
    assert "Correct answers: A" in text(entries[1])
    # a cross-reference inside a copied explanation still points at the lesson
    ref = entries[0].select_one(".quiz-explanation a.reference")
    assert ref["href"] == "lesson-a.html#m01-wavelength"
    # the key is plain content: no dropdowns
    assert page.select("div.quiz-answer-key details") == []


def test_html_static_files_are_copied_and_linked(html):
    outdir = html[0]
    js = (outdir / "_static/quiz.js").read_text(encoding="utf-8")
    css = (outdir / "_static/quiz.css").read_text(encoding="utf-8")
    page = soup(outdir / "modules/01-sound/lesson-a.html")
    assert any("_static/quiz.js" in s.get("src", "") for s in page.select("script"))
    assert any("_static/quiz.css" in s.get("href", "") for s in page.select("link"))
    # strict-CSP safe and offline: no eval, no network, no HTML strings, no inline handlers
    for forbidden in ("eval(", "new Function", "fetch(", "XMLHttpRequest", "innerHTML",
                      "setAttribute(\"style\"", "http://", "https://"):
        assert forbidden not in js, forbidden
    assert "localStorage" in js and 'role: "status"' in js
    quiz_html = str(page.select_one("div.quiz"))
    assert not re.search(r"\son[a-z]+=", quiz_html)
    assert "<script" not in quiz_html
    assert "var(--color-foreground-primary" in css and "var(--color-brand-primary" in css
    assert 'body[data-theme="dark"]' in css


def test_env_records(html):
    env = html[3]
    domain = env.domains["quiz"]
    records = domain.questions["modules/01-sound/lesson-a"]
    assert [r.id for r in records] == ["m01-longer-wavelength", "m01-frequency-units"]
    assert records[0].correct == ["B"] and records[1].correct == ["A", "C"]
    assert records[0].line == 16 and records[0].quiz == "lesson-a-check"
    assert domain.numbers["modules/01-sound/lesson-b"] == ["1.3", "1.4", "1.5"]
    assert domain.key_docs["modules/01-sound"] == "modules/01-sound/answers"
    review = domain.questions["modules/01-sound/review"]
    assert [(r.id, r.type) for r in review] == [("m01-warm-air", "true-false")]


# ---------------------------------------------------------------------------------------------
# JavaScript, in a real browser (skipped where Chromium is not installed)
# ---------------------------------------------------------------------------------------------


DRIVER = """
window.addEventListener("load", function () {
  var out = {};
  function tally() { return document.querySelector(".quiz-tally-text").textContent; }
  var num = document.getElementById("q-m01-wavelength-100");
  num.querySelector("input.quiz-numeric-input").value = "3,45";
  num.querySelector(".quiz-check").click();
  out.numeric = num.querySelector(".quiz-feedback").textContent;
  var beats = document.getElementById("q-m01-count-beats");
  beats.querySelectorAll("li.quiz-option")[0].click();
  beats.querySelector(".quiz-check").click();
  out.wrong = beats.querySelector(".quiz-feedback").textContent;
  out.radios = beats.querySelectorAll("input[type=radio]").length;
  out.tally = tally();
  out.stored = Object.keys(localStorage).length;
  document.querySelector(".quiz-reset").click();
  out.afterReset = tally();
  out.storedAfterReset = Object.keys(localStorage).length;
  out.feedbackAfterReset = num.querySelector(".quiz-feedback").textContent;
  document.body.setAttribute("data-result", JSON.stringify(out));
});
"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_javascript_checks_answers_and_keeps_a_tally(html, tmp_path):

    base = html[0] / "modules/01-sound"
    (html[0] / "_static/quiz-test-driver.js").write_text(DRIVER, encoding="utf-8")
    page = (base / "lesson-b.html").read_text(encoding="utf-8").replace(
        "</body>", '<script src="../../_static/quiz-test-driver.js"></script></body>')
    driven = base / "lesson-b-driven.html"
    driven.write_text(page, encoding="utf-8")
    proc = subprocess.run(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000",
         "--dump-dom", driven.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    dom = BeautifulSoup(proc.stdout, "html.parser")
    assert dom.body is not None and dom.body.has_attr("data-result"), proc.stderr[-2000:]
    result = json.loads(dom.body["data-result"])
    assert result["numeric"] == "Correct."  # 3,45 is within 2% of 3.43
    assert result["wrong"].startswith("Not quite")
    assert result["radios"] == 3
    assert result["tally"] == "1 of 2 correct"  # the short question is not scored
    assert result["stored"] == 1
    assert result["afterReset"] == "0 of 2 correct (0 answered)"
    assert result["storedAfterReset"] == 0
    assert result["feedbackAfterReset"] == ""

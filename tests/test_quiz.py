"""ext/quiz.py: HTML, LaTeX/PDF, EPUB, text, spelling and incremental builds of tiny projects.

Each project under tests/roots/test-quiz*/ is copied to a temporary folder and built once per
module (fixtures below); the tests then read the output.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parent / "roots"
EXT = Path(__file__).resolve().parents[1] / "ext"
if str(EXT) not in sys.path:  # the roots are built from copies in a temporary folder
    sys.path.insert(0, str(EXT))


def build(srcdir: Path, builder: str = "html", **kwargs):
    """Build *srcdir* (in place) and return (outdir, warnings, statuscode, env)."""
    status, warning = StringIO(), StringIO()
    app = SphinxTestApp(builder, srcdir=srcdir, status=status, warning=warning, **kwargs)
    try:
        app.build()
        return (Path(app.outdir), strip_colors(warning.getvalue()), app.statuscode, app.env,
                strip_colors(status.getvalue()))
    finally:
        app.cleanup()


def strip_colors(s: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", s)


def copy_root(tmp_path_factory, name: str) -> Path:
    dest = tmp_path_factory.mktemp(name) / name
    shutil.copytree(ROOTS / f"test-{name}", dest)
    return dest


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(el) -> str:
    return " ".join(el.get_text(" ").split())


def numbers(page: BeautifulSoup) -> list[str]:
    return [q.select_one(".quiz-question-title").get_text(strip=True)
            for q in page.select("div.quiz-question")]


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
    records = env.quiz_questions["modules/01-sound/lesson-a"]
    assert [r["id"] for r in records] == ["m01-longer-wavelength", "m01-frequency-units"]
    assert records[0]["correct"] == ["B"] and records[1]["correct"] == ["A", "C"]
    assert records[0]["line"] == 16 and records[0]["quiz"] == "lesson-a-check"
    assert env.quiz_numbers["modules/01-sound/lesson-b"] == ["1.3", "1.4", "1.5"]
    assert env.quiz_key_docs["modules/01-sound"] == "modules/01-sound/answers"
    import quiz

    assert quiz.find_question(env, "m01-warm-air")["type"] == "true-false"


# ---------------------------------------------------------------------------------------------
# LaTeX and PDF
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def latex(tmp_path_factory):
    outdir, warnings, statuscode, _env, _status = build(copy_root(tmp_path_factory, "quiz"),
                                                        "latex")
    return outdir, warnings, statuscode, (outdir / "quiztest.tex").read_text(encoding="utf-8")


def _latex_sections(tex: str) -> tuple[str, str, str]:
    """(module pages before the key, the answer key, the rest)."""
    key_start = tex.index(r"\section{Answers}")
    rest_start = tex.index(r"\chapter{Outside the modules}")
    return tex[:key_start], tex[key_start:rest_start], tex[rest_start:]


def test_latex_answers_move_to_the_key(latex):
    _outdir, warnings, statuscode, tex = latex
    assert statuscode == 0 and warnings.strip() == ""
    before, key, _rest = _latex_sections(tex)
    for text in ("lower frequency", "Hertz means", "343 / 100", "beat rate", "diffracts",
                 "rises with temperature", "Correct answer"):
        assert text not in before, text
        assert text in key, text
    assert before.count(r"\emph{Answer: \hyperref[") == 6
    assert [m for m in re.findall(r"Question (1\.\d), page", key)] == [
        f"1.{k}" for k in range(1, 7)]


def test_latex_labels_and_page_references_match(latex):
    tex = latex[3]
    for kind in ("quizq", "quiza"):
        labels = re.findall(r"\\label\{\\detokenize\{%s:([^}]*)\}\}" % kind, tex)
        refs = re.findall(r"\\pageref\*\{\\detokenize\{%s:([^}]*)\}\}" % kind, tex)
        links = re.findall(r"\\hyperref\[\\detokenize\{%s:([^}]*)\}\]" % kind, tex)
        assert len(labels) == len(set(labels))
        # 8 questions (6 in the module, 2 outside); 6 answers moved to the module's key
        assert len(labels) == (8 if kind == "quizq" else 6)
        assert set(refs) == set(links) <= set(labels)
        assert len(refs) == 6
    before, _key, _rest = _latex_sections(tex)
    assert r"\label{\detokenize{quizq:m01-longer-wavelength}}" in before
    assert "\\textbf{Question 1.1}" in before


def test_latex_options_are_lettered(latex):
    tex = latex[3]
    assert r"\sphinxsetlistlabels{\Alph}{enumi}{enumii}{(}{)}" in tex


def test_latex_without_a_key_answers_stay_after_the_question(latex):
    _before, _key, rest = _latex_sections(latex[3])
    assert rest.index("Question 2") < rest.index("Simple arithmetic")
    assert r"\emph{Answer: \hyperref" not in rest


@pytest.mark.skipif(shutil.which("latexmk") is None or shutil.which("xelatex") is None,
                    reason="latexmk and XeLaTeX are needed")
def test_pdf_compiles_without_undefined_references(latex):
    outdir = latex[0]
    proc = subprocess.run(
        ["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "quiztest.tex"],
        cwd=outdir, capture_output=True, text=True, timeout=300,
    )
    log = (outdir / "quiztest.log").read_text(encoding="utf-8", errors="replace")
    assert proc.returncode == 0, log[-3000:]
    assert (outdir / "quiztest.pdf").stat().st_size > 10_000
    assert "undefined" not in log.lower(), [ln for ln in log.splitlines() if "ndefined" in ln]
    assert "??" not in log


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
    assert "1 changed" in status or "changed" in status
    assert numbers(soup(base / "lesson-a.html")) == [f"Question 1.{k}" for k in (1, 2, 3)]
    assert numbers(soup(base / "lesson-b.html")) == [f"Question 1.{k}" for k in (4, 5, 6)]
    assert numbers(soup(base / "review.html")) == ["Question 1.7"]
    key = soup(base / "answers.html")
    assert len(key.select(".quiz-key-entry")) == 7
    assert key.select(".quiz-key-entry")[2]["id"] == "key-m01-faster"
    # a page outside the module is not renumbered
    assert numbers(soup(outdir / "other.html")) == ["Question 1", "Question 2"]
    assert env.quiz_numbers["modules/01-sound/review"] == ["1.7"]


# ---------------------------------------------------------------------------------------------
# Validation: every error names the file and line, and fails the build
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def errors(tmp_path_factory):
    src = copy_root(tmp_path_factory, "quiz-errors")
    outdir, warnings, statuscode, env, _status = build(src, "html")
    return src, warnings, statuscode


ERRORS = [
    ("err-no-correct", 6, "no correct answer: mark the correct option with [x]"),
    ("err-two-correct", 6, "a single question has exactly one correct answer, but 2 options "
                           "are marked [x] (A, B)"),
    ("err-listening-two", 6, "a listening question has exactly one correct answer"),
    ("err-tf-answer", 6, ":answer: 'maybe' of a true-false question must be true or false"),
    ("err-no-explanation", 6, 'an ".. explanation::" block is missing'),
    ("err-numeric-no-unit", 6, "a numeric question needs :unit:"),
    ("err-numeric-no-tolerance", 6, "a numeric question needs :tolerance:"),
    ("err-numeric-bad-answer", 6, ":answer: 'three' is not a number"),
    ("err-numeric-bad-tolerance", 6, ":tolerance: 'a bit' is not a non-negative number"),
    ("err-duplicate-b", 8, "quiz question 'e-duplicate': duplicate id; it is also used at "),
    ("err-unknown-audio", 6, "unknown audio example 'm99-nowhere'"),
    ("err-unknown-type", 6, "unknown question :type: 'essay'"),
    ("err-short-no-model", 6, 'a short question needs a ".. model-answer::" block'),
    ("err-options-true-false", 6, "a true-false question takes no options"),
    ("err-options-numeric", 6, "a numeric question takes no options"),
    ("err-options-short", 6, "a short question takes no options"),
    ("err-listening-no-audio", 6, "a listening question needs :audio:"),
    ("err-stray-explanation", 4, '".. explanation::" must be placed directly inside a '
                                 '".. question::"'),
    ("err-bad-id", 6, ":id: 'has spaces' is not valid"),
]


@pytest.mark.parametrize(("docname", "line", "message"), ERRORS,
                         ids=[e[0] for e in ERRORS])
def test_validation_error_names_file_and_line(errors, docname, line, message):
    src, warnings, _statuscode = errors
    prefix = f"{src / docname}.rst:{line}: ERROR: "
    lines = [ln for ln in warnings.splitlines() if ln.startswith(prefix)]
    assert lines, f"no error at {docname}.rst:{line}:\n{warnings}"
    assert any(message in ln for ln in lines), lines
    assert "Traceback" not in warnings


def test_duplicate_id_names_both_places(errors):
    src, warnings, _statuscode = errors
    line = next(ln for ln in warnings.splitlines() if "duplicate id" in ln)
    assert line.startswith(f"{src / 'err-duplicate-b'}.rst:8: ERROR:")
    assert f"{src / 'err-duplicate-a'}.rst:6" in line


def test_errors_fail_the_build_with_a_summary(errors):
    _src, warnings, statuscode = errors
    assert statuscode == 1
    assert warnings.strip().splitlines()[-1].startswith(
        f"ERROR: {len(ERRORS)} malformed quiz questions; see the errors above")


def test_sphinx_build_exits_non_zero_without_W(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(EXT)!r})\nextensions = ['quiz']\n",
        encoding="utf-8")
    (src / "index.rst").write_text(
        "Title\n=====\n\n.. quiz::\n\n   .. question:: Which?\n\n      - a\n      - b\n\n"
        "      .. explanation::\n\n         None.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src),
                           str(tmp_path / "out")], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "index.rst:6: ERROR: quiz question 'which': no correct answer" in proc.stderr
    assert "1 malformed quiz question;" in proc.stderr
    assert "Traceback" not in proc.stderr


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
    import json

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

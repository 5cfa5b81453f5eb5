"""ext/quiz/: every malformed question is an error at its file and line, and fails the build."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quiz_helpers import EXT, build, copy_root

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


def test_sphinx_build_exits_non_zero_without_warnings_as_errors(tmp_path):
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




def test_errors_are_reported_again_by_the_next_build(tmp_path_factory):
    """A page with an error is read again by the next build (course.errors), so an author who
    builds twice without fixing it still sees every error and a failing build."""
    src = copy_root(tmp_path_factory, "quiz-errors")
    first = build(src, "html")
    second = build(src, "html")
    assert second[2] == 1
    errors_of = lambda w: sorted(ln for ln in w.splitlines() if ": ERROR: " in ln)  # noqa: E731
    assert errors_of(second[1]) == errors_of(first[1])
    assert len(errors_of(second[1])) == len(ERRORS)

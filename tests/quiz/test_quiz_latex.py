"""ext/quiz/: the LaTeX output of tests/roots/test-quiz (answers moved to the key, labels, page
references) and its PDF."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from quiz_helpers import build, copy_root

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
        labels = re.findall(rf"\\label\{{\\detokenize\{{{kind}:([^}}]*)\}}\}}", tex)
        refs = re.findall(rf"\\pageref\*\{{\\detokenize\{{{kind}:([^}}]*)\}}\}}", tex)
        links = re.findall(rf"\\hyperref\[\\detokenize\{{{kind}:([^}}]*)\}}\]", tex)
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



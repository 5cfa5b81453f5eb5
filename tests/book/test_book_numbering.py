"""One numbering in every format: for modules 0, 1, 6 and 10, every lesson, figure, table,
question and audio example has the same number (and the same title or caption) in the HTML,
the EPUB and the PDF, and the PDF prints no number of the module the site does not have.
Lessons are sections of their module's chapter in the PDF."""

from __future__ import annotations

import re
import subprocess

import check_book
import pytest

from sphinx_project import ROOT, sphinx_build

MODULES = [0, 1, 6, 10]


@pytest.fixture(scope="module")
def pdf_text(course):
    if course.returncodes.get("pdf") != 0:
        pytest.fail("the PDF did not build: " + course.warnings.get("pdf", "")[-2000:])
    return check_book.pdf_text(course.pdf)


@pytest.mark.parametrize("module", MODULES)
def test_html_and_epub_number_alike(course, module):
    html = check_book.html_numbers(course.html, module)
    epub = check_book.epub_numbers(course.epub, module)
    kinds = {n.kind for n in html}
    assert {"lesson", "question"} <= kinds, kinds
    assert html == epub, sorted(html ^ epub)[:10]


@pytest.mark.parametrize("module", MODULES)
def test_pdf_numbers_like_the_site(course, pdf_text, module):
    html = check_book.html_numbers(course.html, module)
    assert check_book.pdf_mismatches(pdf_text, html, module) == []


def test_module_6_numbers_every_kind_within_the_module(course):
    numbers = check_book.html_numbers(course.html, 6)
    for kind in ("lesson", "figure", "table", "question", "audio"):
        found = sorted((n.number for n in numbers if n.kind == kind), key=lambda s: int(s.split(".")[1]))
        assert found, kind
        assert all(n.startswith("6.") for n in found), (kind, found)
        assert found[0] == "6.1", (kind, found)  # counted from 1 within the module


def test_module_n_is_chapter_n(pdf_text):
    flat = re.sub(r"\s+", " ", pdf_text)
    assert "CHAPTER ZERO MODULE 0:" in flat.upper()
    assert "CHAPTER SIX MODULE 6: MIXING" in flat.upper()


def test_running_heads_show_module_and_lesson(course):
    # a page in the middle of lesson 6.3: the module at the top, the lesson at the foot
    pages = check_book.pdf_pages(course.pdf)
    hits = [lines for lines in (p.strip().splitlines() for p in pages) if lines
            and lines[0].strip().startswith("Module 6: Mixing")
            and re.search(r"6\.3\s+Setting a compressor", "\n".join(lines[-3:]))]
    assert hits


def test_lessons_are_sections_of_their_chapter(course):
    tex = next(course.latex.glob("*.tex")).read_text(encoding="utf-8")
    assert len(check_book.module_page_headings(tex)) > 100
    assert check_book.nesting_errors(tex) == []


def test_title_page_and_colophon(course):
    front = subprocess.run(["pdftotext", "-l", "3", "-layout", str(course.pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    flat = re.sub(r"\s+", " ", front)
    for text in ("Open Audio Production Course", "Edition 2026.", "CC BY-SA 4.0", "MIT",
                 "How to cite:", f"Built from commit {commit[:12]}"):
        assert text in flat, text


def test_index_entries_point_at_their_terms(course):
    count, misses = check_book.index_misses(course.pdf)
    assert count > 500  # glossary terms and the lessons that use them
    assert misses == []


# -- each check fails on a broken fixture -----------------------------------------------------

def test_nesting_check_catches_a_lesson_under_a_subsection():
    tex = ("\\chapter{Module 6: Mixing}\n\\label{\\detokenize{modules/06-mixing/index::doc}}\n"
           "\\section{Time estimate}\n\\label{\\detokenize{modules/06-mixing/index:time-estimate}}\n"
           "\\subsection{EQ}\n\\label{\\detokenize{modules/06-mixing/eq:m06-eq}}"
           "\\label{\\detokenize{modules/06-mixing/eq::doc}}\n")
    assert check_book.nesting_errors(tex) == ["modules/06-mixing/eq starts with \\subsection, not \\section"]


def test_build_fails_on_a_toctree_with_text_after_it(tmp_path):
    src = ROOT / "tests" / "roots" / "test-book-nested"
    proc = sphinx_build("latex", src, tmp_path / "latex", tmp_path / "doctrees", "-c", str(src))
    assert proc.returncode != 0
    assert "toctree inside the section 'Time estimate'" in proc.stderr


def test_pdf_check_catches_a_wrong_number():
    site = {check_book.Numbered("figure", "6.1", "The static curve"),
            check_book.Numbered("lesson", "6.3", "Setting a compressor’s")}
    pdf = "6.3 Setting a compressor’s threshold ... Fig. 6.2: The static curve ... see Fig. 6.2"
    problems = check_book.pdf_mismatches(pdf, site, 6)
    assert "figure 6.1 'The static curve' not in the PDF" in problems
    assert "figure 6.2 printed in the PDF, unknown to the site" in problems


def test_index_check_catches_a_wrong_page():
    pages = ["body mentions compressor\n", "                 INDEX\ncompressor, 1\nlimiter, 1\n"]
    count, misses = check_book.index_misses_in(pages, ["1", "2"])
    assert count == 2
    assert misses == ["limiter: not on page 1"]


def test_small_book_numbers_alike_in_every_format(tmp_path):
    """The whole contract on tests/roots/test-book (two modules, module 0 included)."""
    src = ROOT / "tests" / "roots" / "test-book"
    outs = {}
    for builder in ("html", "epub", "latex"):
        proc = sphinx_build(builder, src, tmp_path / builder, tmp_path / "doctrees", "-c", str(src))
        assert proc.returncode == 0, proc.stderr
        outs[builder] = tmp_path / builder
    make = subprocess.run(["make", "-C", str(outs["latex"]), "all-pdf",
                           "LATEXMKOPTS=-quiet -interaction=nonstopmode -halt-on-error"],
                          capture_output=True, text=True)
    assert make.returncode == 0, make.stdout[-2000:]
    text = check_book.pdf_text(outs["latex"] / "book.pdf")
    for module in (0, 1):
        html = check_book.html_numbers(outs["html"], module)
        assert {(n.kind, n.number) for n in html} >= {("lesson", f"{module}.1"), ("table", f"{module}.2"),
                                                      ("question", f"{module}.1")}
        assert html == check_book.epub_numbers(next(outs["epub"].glob("*.epub")), module)
        assert check_book.pdf_mismatches(text, html, module) == []
    assert check_book.nesting_errors((outs["latex"] / "book.tex").read_text(encoding="utf-8")) == []

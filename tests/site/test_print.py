"""Print: the PDF's pages hold their text (no overfull lines, tables or figures running into
the margin, no float taller than a page), and the PDF has bookmarks and working internal
links. tools/check_pdf.py does the checking; `python tools/check_pdf.py` prints the same."""

import re
import subprocess

import check_pdf
import pytest

from sphinx_project import ROOT, sphinx_build


@pytest.fixture(scope="module")
def pdf(course):
    if course.returncodes.get("pdf") != 0:
        pytest.fail("the PDF did not build: " + course.warnings.get("pdf", "")[-2000:])
    return course.pdf


def test_nothing_runs_off_the_page(pdf):
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Output written on" in log
    boxes = check_pdf.overfull_boxes(log)
    assert not boxes, "\n".join(f"{b.kind} {b.points}pt {b.where}: {b.context[:80]}" for b in boxes)


def test_no_text_outside_the_text_block(pdf):
    # words of the running text and of every figure, from pdftotext -bbox
    outside = check_pdf.words_outside_text_block(pdf)
    assert not outside, "\n".join(f"page {w.page}: {w.word!r} {w.points}pt outside" for w in outside[:20])


def test_bookmarks_list_every_module(pdf):
    titles = check_pdf.outline_titles(pdf)
    modules = [t for t in titles if re.match(r"Module \d+: ", t)]
    assert len(modules) == 12, modules
    assert len(titles) > 100  # modules, lessons and their sections


def test_internal_links_resolve(pdf):
    links = check_pdf.internal_links(pdf)
    assert links.internal > 1000  # cross-references, glossary terms, answer keys, contents
    assert not links.broken, links.broken[:10]


# -- each check can fail --------------------------------------------------------------------

def test_overfull_check_catches_text_in_the_margin(tmp_path):
    src = ROOT / "tests" / "roots" / "test-print-overflow"
    out = tmp_path / "latex"
    proc = sphinx_build("latex", src, out, tmp_path / "doctrees", "-c", str(src))
    assert proc.returncode == 0, proc.stderr
    subprocess.run(["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "overflow.tex"],
                   cwd=out, capture_output=True, text=True)
    log = (out / "overflow.log").read_text(encoding="utf-8", errors="replace")
    boxes = check_pdf.overfull_boxes(log)
    assert any(b.kind == "hbox" and b.points > 20 for b in boxes), boxes
    # the same overflow, seen on the page: the unbreakable word crosses the right margin
    outside = check_pdf.words_outside_text_block(out / "overflow.pdf", hmargin=check_pdf.HMARGIN_PT)
    assert any(w.word.startswith("aaaa") for w in outside), outside


def test_outline_and_link_checks_catch_a_bare_pdf(tmp_path):
    from pypdf import PdfWriter

    bare = tmp_path / "bare.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(str(bare))
    assert check_pdf.outline_titles(bare) == []
    assert check_pdf.internal_links(bare).internal == 0


def test_overfull_parser_reads_latex_log_lines():
    log = ("Overfull \\hbox (33.1pt too wide) in paragraph at lines 10--12\n[]\\TU/FreeSerif text\n"
           "Overfull \\hbox (0.5pt too wide) detected at line 20\n[]\n"
           "Overfull \\vbox (1.2pt too high) detected at line 30\n[]\n"
           "Overfull \\vbox (8.0pt too high) has occurred while \\output is active\n[]\n"
           "LaTeX Warning: Float too large for page by 45.2pt on input line 99.\n")
    boxes = check_pdf.overfull_boxes(log)
    assert [(b.kind, b.points) for b in boxes] == [("hbox", 33.1), ("vbox", 8.0), ("float", 45.2)]

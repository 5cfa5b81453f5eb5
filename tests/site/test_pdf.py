"""The PDF holds the whole course: title, contents, every module, no unresolved references."""

import re
import subprocess

import pytest


@pytest.fixture(scope="module")
def pdf_text(course):
    if course.returncodes.get("pdf") != 0:
        pytest.fail("the PDF did not build: " + course.warnings.get("pdf", "")[-2000:])
    out = subprocess.run(["pdftotext", "-layout", str(course.pdf), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_pdf_has_title_and_contents(course, pdf_text):
    assert "Open Audio Production Course" in pdf_text
    front = subprocess.run(["pdftotext", "-l", "4", "-layout", str(course.pdf), "-"],
                           capture_output=True, text=True).stdout
    assert re.search(r"^\s*contents\s*$", front, re.I | re.M), "no table of contents heading"
    # the table of contents lists every module with a page number
    assert len(re.findall(r"^\s*\d+\s+Module \d+: .*\s\d+\s*$", front, re.M)) == 12


def module_titles():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "docs" / "modules"
    titles = []
    for index in sorted(root.glob("*/index.rst")):
        lines = index.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines[:-1]):
            if line.strip() and set(lines[i + 1].strip()) == {"="} and len(lines[i + 1].strip()) >= len(line.strip()):
                titles.append(line.strip())
                break
    return titles


def test_twelve_modules_found():
    assert len(module_titles()) == 12


@pytest.mark.parametrize("title", module_titles())
def test_pdf_contains_every_module(pdf_text, title):
    flat = re.sub(r"\s+", " ", pdf_text)
    # Long titles may wrap; the first four words are enough to identify a module.
    assert " ".join(title.split()[:4]) in flat


def test_no_unresolved_references(course, pdf_text):
    assert "??" not in pdf_text
    log = next(course.latex.glob("*.log")).read_text(encoding="utf-8", errors="replace")
    assert "There were undefined references" not in log
    assert "multiply defined" not in log
    assert not re.search(r"Reference `[^']*' on page \d+ undefined", log)

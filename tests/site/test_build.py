"""The course builds as HTML, LaTeX/PDF and EPUB with no warnings (warnings are errors)."""

import pytest

BUILDERS = ["html", "latex", "epub", "spelling"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_passes_without_warnings(course, builder):
    assert course.returncodes[builder] == 0, course.warnings[builder][-4000:]
    assert "WARNING" not in course.warnings[builder], course.warnings[builder][-4000:]
    assert "ERROR" not in course.warnings[builder], course.warnings[builder][-4000:]


def test_pdf_compiles(course):
    assert course.returncodes.get("pdf") == 0, course.warnings.get("pdf", "latex failed")
    assert course.pdf.stat().st_size > 100_000


def test_every_page_offers_the_pdf_and_epub(course):
    from bs4 import BeautifulSoup

    pages = sorted(course.html.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        hrefs = [a.get("href", "") for a in soup.select("a[download]")]
        assert any(h.endswith("open-audio-production-course.pdf") for h in hrefs), page
        assert any(h.endswith("open-audio-production-course.epub") for h in hrefs), page


def test_site_footer_states_both_licenses(course):
    text = (course.html / "index.html").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in text and "MIT" in text

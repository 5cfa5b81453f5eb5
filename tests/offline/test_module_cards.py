"""``.. module-cards::`` (ext/offline/cards.py): facts from the module pages, errors at the line."""

from __future__ import annotations

from pathlib import Path

from offline.cards import study_time
from offline_helpers import build_small

from sphinx_project import ROOT, ROOTS, sphinx_build


def test_study_time_forms():
    page = "Time estimate\n-------------\n\nAbout {} in total:\n\n- lessons.\n\nNext\n----\n\nAbout 99 hours.\n"
    assert study_time(page.format("9 hours")) == "9 hours"
    assert study_time(page.format("4.5 to 5.5 hours")) == "4.5–5.5 hours"
    assert study_time(page.format("a day")) is None  # the later section's hours do not count
    assert study_time("Outcomes\n--------\n\nAbout 3 hours.\n") is None


def test_every_course_module_page_has_a_study_time():
    found = {p.parent.name: study_time(p.read_text("utf-8"))
             for p in sorted((ROOT / "docs/modules").glob("*/index.rst"))}
    assert len(found) == 12 and all(found.values()), found


def test_cards_in_the_small_course(tmp_path):
    out, proc = build_small(tmp_path, prefill=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
    cards = soup.select(".module-card")
    assert [c.select_one("a").get_text() for c in cards] == ["Module 0: Start", "Module 1: Sound"]
    assert [c.select_one(".module-card-time").get_text() for c in cards] == [
        "Study time: about 2.5–3 hours", "Study time: about 4 hours"]
    for card in cards:
        img = card.select_one("img")
        assert img["alt"] == "" and img["loading"] == "lazy" and img["width"] == "48"


def test_bad_cards_are_errors_at_their_lines(tmp_path):
    src = ROOTS / "test-offline-cards-broken"
    proc = sphinx_build("html", src, tmp_path / "html", tmp_path / "doctrees", "-c", str(src))
    assert proc.returncode != 0
    err = proc.stderr
    index = Path("test-offline-cards-broken/index.rst")
    for line, text in ((11, "modules/01-sound/index.rst has no 'Time estimate'"),
                       (12, "expected one folder modules/07-*/"),
                       (13, "expected 'NN: what you will be able to do'"),
                       (14, "no icon _icons/modules/m02.svg")):
        assert f"{index}:{line}: ERROR: module-cards:" in err and text in err, (line, err[-3000:])
    assert "4 bad module cards" in err


def test_downloads_in_print_and_text_name_the_website(tmp_path):
    """Outside the HTML site (PDF, EPUB, text) the download list becomes a sentence with the
    online address, when there is one; it links nothing that the output lacks."""
    from offline_helpers import SMALL

    proc = sphinx_build("text", SMALL, tmp_path / "text", tmp_path / "doctrees", "-c", str(SMALL),
                        "-D", "html_baseurl=https://example.org/course/")
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = " ".join((tmp_path / "text/index.txt").read_text("utf-8").split())
    assert ("The website offers the course as a PDF for print, an EPUB for e-readers and the whole "
            "site as one ZIP file for offline study. Website: \"https://example.org/course/index.html\"") in text
    assert "offline-test-site.zip" not in text

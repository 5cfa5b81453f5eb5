"""The offline site of the real course (the session ``course`` build): the ZIP, the offline
gate from ``file://``, the landing page's cards against the module pages, glossary previews on
a real lesson. The broken fixtures of each check are in test_offline_site.py and
test_glossary_preview.py (small course)."""

from __future__ import annotations

import re
import zipfile

import pytest
from offline.sitezip import human_size
from offline_helpers import glossary_check, offline_gate, unzip

ZIP = "downloads/open-audio-production-course-site.zip"
TOP = "open-audio-production-course-site/"


@pytest.fixture(scope="module")
def entries(course):
    with zipfile.ZipFile(course.html / ZIP) as z:
        return {i.filename[len(TOP):]: i for i in z.infolist()}


def test_zip_holds_every_page_and_its_search_text(course, entries):
    pages = [p.relative_to(course.html).as_posix() for p in course.html.rglob("*.html")]
    assert len(pages) > 100
    missing = [p for p in pages if p not in entries]
    assert not missing, missing[:10]
    texts = [e for e in entries if e.startswith("_searchtext/")]
    assert len(texts) >= len(pages) - 2  # every page but genindex and search
    assert "_searchtext/modules/06-mixing/eq.js" in entries
    assert sum(e.startswith("_audio/") for e in entries) >= 150


def test_zip_leaves_out_the_pdf_epub_and_instructor_pack(course, entries):
    assert any((course.html / "downloads/instructor").iterdir())
    assert not [e for e in entries if e.startswith("downloads/")], [e for e in entries if e.startswith("downloads/")]
    assert all(not e.endswith((".pdf", ".epub", ".imscc")) for e in entries)


def test_size_shown_is_the_zip_size(course):
    label = human_size((course.html / ZIP).stat().st_size)
    for page in ("index.html", "how-to-use.html", "about.html", "modules/06-mixing/eq.html"):
        shown = re.findall(r'<span class="offline-site-size">([^<]*)</span>', (course.html / page).read_text("utf-8"))
        assert shown and set(shown) == {label}, (page, shown, label)


def test_offline_gate_on_the_course(course, tmp_path):
    site = unzip(course.html / ZIP, tmp_path)
    result = offline_gate(site, "Schroeder", "Schroeder")
    for check in ("navigation", "search", "quiz", "audio"):
        assert result[check]["ok"], (check, result[check])
    search = result["search"]["detail"]
    assert search["withSnippet"] == search["results"] >= 1, search


def test_cards_match_the_module_pages(course):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((course.html / "index.html").read_text("utf-8"), "html.parser")
    cards = soup.select(".module-card")
    assert len(cards) == 12
    for card in cards:
        link = card.select_one("a")
        module = BeautifulSoup((course.html / link["href"]).read_text("utf-8"), "html.parser")
        estimate = module.select_one("section[id^=time-estimate] p").get_text(" ", strip=True)
        low, high = re.search(r"About (\d+(?:\.\d+)?)(?: to (\d+(?:\.\d+)?))? hours", estimate).groups()
        want = f"{low}–{high} hours" if high else f"{low} hours"
        assert card.select_one(".module-card-time").get_text() == f"Study time: about {want}", link["href"]
        assert link.get_text() == module.h1.get_text().rstrip("#")


def test_landing_page_weight(course):
    from page_weight import LIMIT_BYTES, weigh

    weight = weigh(course.html / "index.html", course.html)
    assert weight.first_visit < LIMIT_BYTES and weight.eager_images == 0, weight


def test_glossary_previews_on_a_real_lesson(course):
    result = glossary_check(course.html, "modules/06-mixing/eq.html")
    assert result["links"]["terms"] >= 5 and result["links"]["described"] == result["links"]["terms"], result["links"]
    assert result["keyboard"]["shown"] and result["keyboard"]["showsDefinition"], result["keyboard"]
    assert result["axe"]["light"] == [] and result["axe"]["dark"] == [], result["axe"]
    assert result["csp"] == [], result["csp"]

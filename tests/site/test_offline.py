"""Offline by default: the built site loads nothing from another origin (no CDN, no web
fonts, no analytics), and audio never loads before the reader presses play."""

import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from check_offline import check_site  # noqa: E402


def test_course_site_loads_nothing_from_other_origins(course):
    problems = check_site(course.html)
    assert not problems, "\n".join(problems[:40])


def test_checker_catches_every_kind_of_remote_load(rootdir):
    found = check_site(rootdir / "test-offline-html")
    assert len(found) == 6, found
    joined = "\n".join(found)
    for needle in ("index.html:3: <link href> loads https://cdn.example.org/theme.css",
                   "index.html:5: <script src> loads //cdn.example.org/analytics.js",
                   "index.html:9: <img src>", "index.html:10: <audio src>",
                   "local.css:2: stylesheet loads https://fonts.example.org/font.css",
                   "local.css:3: stylesheet loads https://images.example.org/bg.png"):
        assert needle in joined, needle
    assert "www.example.org" not in joined  # an <a href> is a link, not a load


def test_no_audio_preloads_or_autoplays(course):
    players = 0
    for page in course.html.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for audio in soup.find_all("audio"):
            players += 1
            assert audio.get("preload") == "none", page
            assert not audio.has_attr("autoplay"), page
    assert players >= 150

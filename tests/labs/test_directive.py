"""``.. lab::`` in a build: bad input is an error at its file and line and fails the build
(tests/roots/test-labs-errors); a good lab's HTML root element and scripts; its print
rendering (LaTeX, EPUB) with the build-time audio, the figure and the online address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from labs import spec
from labs.kinds import get_kind
from labsite import LAB_PAGE, build_lab_site
from sphinx_project import build, copy_root, soup, warnings


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("labs-errors")
    src = copy_root(tmp, "labs-errors")
    app = build(src, "html", audio_cache_dir=str(tmp / "ac"), figure_cache_dir=str(tmp / "fc"))
    return app, warnings(app)


@pytest.mark.parametrize(("line", "fragment"), [
    (4, "unknown lab kind 'nonesuch'; the kinds are: "),
    (9, "unknown option :delay:; the options are :id:, :class:"),
    (15, "the :id: option is required"),
    (19, "ids in this module start with 'm01-'"),
    (24, "the question to predict first (the directive's body) is missing"),
])
def test_bad_input_is_an_error_at_its_line(broken, line, fragment):
    _app, text = broken
    hits = [w for w in text.splitlines() if f"bad.rst:{line}:" in w and "ERROR" in w]
    assert hits and fragment in hits[0], text


def test_bad_input_fails_the_build_and_good_labs_stay(broken):
    app, text = broken
    assert app.statuscode == 1
    assert "5 lab errors (see the messages above)" in text
    page = soup(app, "modules/01-sound/bad.html")
    assert [r["data-lab-id"] for r in page.select("[data-lab]")] == ["m01-lab-good"]


@pytest.fixture(scope="module")
def html_site(lab_site):
    return lab_site


def test_root_element_carries_kind_and_parameters(html_site):
    site, _app = html_site
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / LAB_PAGE).read_text(encoding="utf-8"), "html.parser")
    root = page.select_one('[data-lab="comb"]')
    assert root["id"] == "lab-m01-lab-comb" and root.name == "section"
    import json

    assert json.loads(root["data-lab-params"]) == json.loads(spec.params_json(get_kind("comb").PARAMS))
    assert root.select_one(".course-lab-question").get_text(" ", strip=True).startswith(
        "Predict, then listen")
    fallback = root.select_one(".course-lab-fallback")
    audio = fallback.select_one("audio")
    assert audio["preload"] == "none" and (site / "modules/01-sound" / audio["src"]).resolve().is_file()
    img = fallback.select_one("figure.course-lab-figure img")
    assert img["alt"].startswith("Magnitude response") and img["width"] and img["height"]
    assert (site / "modules/01-sound" / img["src"]).resolve().is_file()
    assert "delay 1 ms" in fallback.get_text()


def test_scripts_only_where_a_lab_is(html_site):
    site, _app = html_site
    from labsite import page_lab_scripts

    problems = page_lab_scripts(site)
    assert problems == [], problems


def test_script_check_fails_on_a_page_missing_its_script(html_site, tmp_path):
    import shutil

    from labsite import page_lab_scripts

    site, _app = html_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / LAB_PAGE
    page.write_text(re.sub(r'<script[^>]*labs/comb\.js[^>]*></script>', "",
                           page.read_text(encoding="utf-8")), encoding="utf-8")
    plain = copy / "plain.html"
    plain.write_text(plain.read_text(encoding="utf-8").replace(
        "</body>", '<script defer src="_static/course-labs.js"></script></body>'), encoding="utf-8")
    problems = page_lab_scripts(copy)
    assert any("comb" in p and "labs.html" in p for p in problems), problems
    assert any("plain.html" in p for p in problems), problems


@pytest.mark.parametrize("builder", ["latex", "epub"])
def test_print_has_audio_figure_and_online_address(tmp_path, builder):
    app = build_lab_site(tmp_path, builder, html_baseurl="https://example.org/course/")
    out = Path(app.outdir)
    if builder == "latex":
        text = next(out.glob("*.tex")).read_text(encoding="utf-8")
        assert "Predict first:" in text
        assert "https://example.org/course/modules/01-sound/labs.html\\#lab-m01-lab-comb" in text
        assert re.search(r"\\sphinxincludegraphics.*\{lab-comb-[0-9a-f]{16}\}\.pdf", text)
        assert "Listen online" in text  # the build-time audio example
    else:
        html = (out / "modules/01-sound/labs.xhtml").read_text(encoding="utf-8")
        assert "data-lab=" not in html and "course-labs.js" not in html
        assert "Predict first:" in html and "#lab-m01-lab-comb" in html
        assert re.search(r'<audio[^>]+preload="none"', html)
        assert "lab-comb-" in html  # the figure

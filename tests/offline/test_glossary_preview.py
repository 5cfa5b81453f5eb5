"""Glossary definitions in place (ext/offline/glossary.py, ext/static/glossary-preview.js):
each page carries only the definitions of the terms it links; in Chromium the preview works
with the keyboard and the mouse, hides in print, and axe finds nothing with it open (light
and dark), under the strict CSP. Broken fixtures: a page without its data block, and a
preview whose link is focusable inside an aria-hidden box."""

from __future__ import annotations

import json
import re

import pytest
from offline.glossary import data_block
from offline_helpers import build_small, copy_site, glossary_check

PAGE = "modules/01-sound/waves.html"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    out, proc = build_small(tmp_path_factory.mktemp("glossary-small"), prefill=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def page_data(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="glossary-data">(.*?)</script>', html, re.S)
    return json.loads(found.group(1)) if found else {}


def test_each_page_carries_the_definitions_of_its_terms_only(small):
    waves = page_data((small / PAGE).read_text("utf-8"))
    assert sorted(waves) == ["term-dB", "term-loudness", "term-wavelength"]
    assert waves["term-dB"] == ["dB", "A tenth of a bel: ten times the base-ten logarithm of a ratio of two powers."]
    assert sorted(page_data((small / "index.html").read_text("utf-8"))) == ["term-loudness"]
    plan = (small / "modules/00-start/plan.html").read_text("utf-8")
    assert sorted(page_data(plan)) == ["term-decibel"] and "glossary-preview.js" in plan
    assert "glossary-preview.js" not in (small / "modules/01-sound/index.html").read_text("utf-8")


def test_data_block_cannot_end_its_element():
    block = data_block({"term-x": ["x", "a </script><b>&"]})
    assert block.count("</script>") == 1 and "<b>" not in block
    assert json.loads(block.split(">", 1)[1].rsplit("<", 1)[0]) == {"term-x": ["x", "a </script><b>&"]}


def test_definitions_stay_out_of_the_search_index(small):
    index = (small / "searchindex.js").read_text("utf-8")
    assert "glossary-data" not in index


def assert_works(result):
    assert result["links"]["terms"] == 3 and result["links"]["described"] == 3, result["links"]
    kb = result["keyboard"]
    assert kb["shown"] and kb["showsDefinition"] and kb["glossaryLink"], kb
    assert kb["focusVisible"] and kb["hiddenByEscape"], kb
    assert result["hover"] == {"shown": True, "staysOverPreview": True, "hiddenAfterLeaving": True}
    assert result["print"] == {"openBefore": True, "hiddenInPrint": True}
    assert result["axe"]["previewOpen"], result["axe"]
    assert result["axe"]["light"] == [] and result["axe"]["dark"] == [], result["axe"]
    assert result["csp"] == [], result["csp"]
    assert not [e for e in result["console"] if e.startswith("uncaught")], result["console"]


def test_preview_with_keyboard_mouse_print_and_axe(small):
    assert_works(glossary_check(small, PAGE))


def test_broken_fixtures_fail(small, tmp_path):
    broken = copy_site(small, tmp_path / "broken")
    page = broken / PAGE
    page.write_text(re.sub(r'<script type="application/json" id="glossary-data">.*?</script>', "",
                           page.read_text("utf-8"), flags=re.S), "utf-8")
    result = glossary_check(broken, PAGE)
    assert result["links"]["described"] == 0
    assert not result["keyboard"]["shown"] and not result["hover"]["shown"]

    script = broken / "_static/glossary-preview.js"
    script.write_text(script.read_text("utf-8").replace("more.tabIndex = -1;", ""), "utf-8")
    result = glossary_check(broken, "modules/00-start/plan.html")
    assert "aria-hidden-focus" in {v["id"] for v in result["axe"]["light"]}, result["axe"]

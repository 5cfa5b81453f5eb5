"""The drill and index markup is valid HTML (the Nu HTML Checker, errors only)."""

import shutil

from gym_helpers import site

import browser

PAGES = ["gym/eq.html", "gym/levels.html", "gym/space.html", "gym/index.html"]


def test_gym_pages_are_valid_html():
    errors = browser.vnu([site() / p for p in PAGES])
    assert not errors, [f"{e['url']}:{e.get('lastLine')}: {e['message']}" for e in errors]


def test_a_named_drill_without_a_role_is_an_error(tmp_path):
    page = tmp_path / "eq.html"
    shutil.copy(site() / "gym/eq.html", page)
    page.write_text(page.read_text(encoding="utf-8").replace(' role="group"', "", 1),
                    encoding="utf-8")
    errors = browser.vnu([page])
    assert any("aria-label" in e["message"] for e in errors), errors

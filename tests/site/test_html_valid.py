"""Valid HTML: the Nu HTML Checker (vnu.jar, with Debian's Java) reports no errors on any page."""

import pytest

import browser
from sphinx_project import BROKEN_SITE


@pytest.fixture(scope="module")
def vnu_errors(course):
    if "vnu" in course.background:  # started by the course fixture as soon as the HTML existed
        return course.background["vnu"].result()
    browser.require_tools()
    return browser.vnu([course.html])


def test_vnu_checked_the_whole_site(course):
    # vnu reports per file; make sure it is pointed at every page (none is skipped as non-HTML)
    assert len(browser.site_pages(course.html)) > 100


def test_no_html_errors(course, vnu_errors):
    rows = [f"{m['url'].split(str(course.html))[-1]}:{m.get('lastLine')}: {m['message']}" for m in vnu_errors]
    assert not rows, "\n" + "\n".join(rows[:50])


def test_vnu_catches_invalid_markup():
    browser.require_tools()
    messages = " | ".join(m["message"] for m in browser.vnu([BROKEN_SITE / "invalid.html"]))
    assert "Duplicate ID" in messages
    assert "Unclosed element" in messages  # the <div> inside <span> breaks the nesting
    assert "Stray end tag" in messages

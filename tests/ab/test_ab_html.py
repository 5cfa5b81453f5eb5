"""Valid HTML (the Nu HTML Checker): the written pages with their ``data-ab`` roots, and the
page as the player leaves it once enhanced (its buttons, states and live region)."""

import pytest

import browser


@pytest.fixture(scope="module")
def enhanced(http_walk, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ab-enhanced")
    (folder / "enhanced.html").write_text(http_walk["enhancedHtml"], encoding="utf-8")
    return folder / "enhanced.html"


def test_written_pages_are_valid(ab_site):
    browser.require_tools()
    assert browser.vnu([ab_site / "index.html", ab_site / "plain.html"]) == []


def test_enhanced_player_is_valid(enhanced):
    text = enhanced.read_text(encoding="utf-8")
    assert 'class="ab-player"' in text and 'aria-pressed="true"' in text
    assert browser.vnu([enhanced]) == []


def test_an_invalid_state_is_caught(enhanced, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(enhanced.read_text(encoding="utf-8").replace(
        'aria-pressed="false"', 'aria-pressed="maybe"', 1), encoding="utf-8")
    errors = browser.vnu([broken])
    assert any("aria-pressed" in e.get("message", "") for e in errors), errors

"""The media-element fallback: opened from disk (file://, where fetch fails and Chromium
silences media-element sources in Web Audio) and over http when fetching the audio fails.
Two <audio> elements play in step; switching keeps the playhead within 20 ms."""

import abcheck
import pytest
from abcheck import blind_problems, hygiene_problems, keyboard_problems, switch_problems

import browser


@pytest.fixture(scope="module")
def broken_fetch_walk(ab_site):
    browser.require_tools()
    return abcheck.walk(ab_site, scheme="http", break_fetch=True)


def test_from_disk_uses_media_elements(file_walk):
    assert file_walk["mode"] == "media", file_walk["errors"]
    assert keyboard_problems(file_walk) == []


def test_from_disk_switch_keeps_the_playhead(file_walk):
    assert switch_problems(file_walk) == []


def test_from_disk_blind_mode(file_walk):
    assert blind_problems(file_walk) == []
    assert hygiene_problems(file_walk, axe=False) == []


def test_failed_fetch_falls_back_to_media_elements(broken_fetch_walk):
    assert broken_fetch_walk["mode"] == "media", broken_fetch_walk["errors"]
    assert switch_problems(broken_fetch_walk) == []
    # the aborted fetches are logged by the browser; nothing else may be
    others = [c for c in broken_fetch_walk["console"] if "net::ERR_FAILED" not in c]
    assert others == [] and broken_fetch_walk["csp"] == []

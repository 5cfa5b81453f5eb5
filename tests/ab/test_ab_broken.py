"""Each browser check of the A/B player fails on a broken player: the stub in
tests/fixtures/ab-broken/course-ab.js (a switch restarts at 0, no blind mode, the transport
prints, an inline style and a console error)."""

import abcheck
import pytest
from abcheck import blind_problems, hygiene_problems, print_problems, switch_problems

import browser


@pytest.fixture(scope="module")
def stub_walk(stub_site):
    browser.require_tools()
    return abcheck.walk(stub_site, scheme="http")


def test_restart_on_switch_is_caught(stub_walk):
    problems = switch_problems(stub_walk)
    assert any("the playhead moved" in p for p in problems), problems
    assert any("recorded no switch" in p for p in problems), problems


def test_missing_blind_mode_is_caught(stub_walk):
    assert any("did not hide the labels" in p for p in blind_problems(stub_walk))


def test_csp_violation_and_console_error_are_caught(stub_walk):
    problems = hygiene_problems(stub_walk, axe=False)
    assert any(p.startswith("CSP: style-src") for p in problems), problems
    assert any("stub A/B player" in p for p in problems), problems


def test_transport_in_print_is_caught(stub_walk):
    assert print_problems(stub_walk) != []

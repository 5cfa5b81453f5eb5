"""Fixtures of the A/B player tests: tests/roots/test-ab (one page with a pair, one without)
built once per session, and the keyboard-only walks through it (tests/browser/ab.mjs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import abcheck
import pytest

import browser
from sphinx_project import ROOT, build, copy_root, warnings


@pytest.fixture(scope="session")
def ab_site(tmp_path_factory) -> Path:
    """The built test project's HTML folder."""
    app = build(copy_root(tmp_path_factory.mktemp("ab"), "ab"))
    assert app.statuscode == 0, warnings(app)
    assert warnings(app) == ""
    return Path(app.outdir)


@pytest.fixture(scope="session")
def http_walk(ab_site) -> dict:
    browser.require_tools()
    return abcheck.walk(ab_site, scheme="http")


@pytest.fixture(scope="session")
def file_walk(ab_site) -> dict:
    browser.require_tools()
    return abcheck.walk(ab_site, scheme="file")


@pytest.fixture(scope="session")
def stub_site(ab_site, tmp_path_factory) -> Path:
    """A copy of the built project whose player is the broken stub
    (tests/fixtures/ab-broken/course-ab.js)."""
    site = tmp_path_factory.mktemp("ab-stub") / "html"
    shutil.copytree(ab_site, site)
    shutil.copy2(ROOT / "tests" / "fixtures" / "ab-broken" / "course-ab.js",
                 site / "_static" / "course-ab.js")
    return site

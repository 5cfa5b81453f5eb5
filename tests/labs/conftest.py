"""Fixtures of the lab tests (ext/labs/, ext/static/course-labs.js, ext/static/labs/):
the test site with one lab of every kind, built once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import labsite  # noqa: E402


@pytest.fixture(scope="session")
def lab_site(tmp_path_factory):
    """The built HTML of tests/roots/test-labs (every kind on one page)."""
    tmp = tmp_path_factory.mktemp("labs")
    app = labsite.build_lab_site(tmp)
    return Path(app.outdir), app

"""Helpers for tests that build a tiny project from tests/roots/ with sphinx.testing."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

ROOTS = Path(__file__).resolve().parent / "roots"


def copy_root(tmp: Path, root: str, name: str = "src") -> Path:
    """Copy ``tests/roots/test-<root>`` to ``tmp/<name>`` and return the copy."""
    src = tmp / name
    shutil.copytree(ROOTS / f"test-{root}", src)
    return src


def build(src: Path, builder: str = "html", **conf) -> SphinxTestApp:
    """Build the project at ``src`` with ``builder``; ``conf`` overrides its conf.py."""
    app = SphinxTestApp(builder, srcdir=src, confoverrides=conf or None,
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def warnings(app: SphinxTestApp) -> str:
    """The build's warnings, without terminal colors."""
    return strip_escape_sequences(app.warning.getvalue())

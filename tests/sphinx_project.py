"""Shared test plumbing: the repository's paths, ``sphinx_build`` (sphinx-build as the
Makefile runs it) and helpers for tests that build a tiny project from tests/roots/ with
sphinx.testing. Test modules import from here, never from a ``conftest.py`` (pytest loads
several conftest modules under the same name)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

ROOT = Path(__file__).resolve().parents[1]
ROOTS = ROOT / "tests" / "roots"
BROKEN_SITE = ROOT / "tests" / "fixtures" / "broken-site"


def sphinx_build(builder: str, srcdir: Path, outdir: Path, doctrees: Path, *extra: str):
    """Run sphinx-build the way the Makefile does (-W --keep-going -n)."""
    cmd = [
        sys.executable, "-m", "sphinx", "-b", builder, "-c", str(ROOT),
        "-W", "--keep-going", "-n", "-q", "-d", str(doctrees), *extra,
        str(srcdir), str(outdir),
    ]
    import reproducible

    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=reproducible.build_env("1"))


def copy_root(tmp: Path, root: str, name: str = "src") -> Path:
    """Copy ``tests/roots/test-<root>`` to ``tmp/<name>`` and return the copy."""
    src = tmp / name
    shutil.copytree(ROOTS / f"test-{root}", src)
    return src


def build(src: Path, builder: str = "html", *, parallel: int = 0, **conf) -> SphinxTestApp:
    """Build the project at ``src`` with ``builder`` (``parallel``: the ``-j`` value);
    ``conf`` overrides its conf.py."""
    app = SphinxTestApp(builder, srcdir=src, confoverrides=conf or None, parallel=parallel,
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def warnings(app: SphinxTestApp) -> str:
    """The build's warnings, without terminal colors."""
    return strip_escape_sequences(app.warning.getvalue())


def soup(app: SphinxTestApp, page: str):
    """The built HTML page ``page`` (relative to the output folder), parsed."""
    from bs4 import BeautifulSoup

    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")

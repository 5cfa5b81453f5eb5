"""Helpers for the quiz tests: build a copy of a test root and read the output."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parents[1] / "roots"
EXT = Path(__file__).resolve().parents[2] / "ext"


def build(srcdir: Path, builder: str = "html", **kwargs):
    """Build *srcdir* (in place) and return (outdir, warnings, statuscode, env, status)."""
    status, warning = StringIO(), StringIO()
    app = SphinxTestApp(builder, srcdir=srcdir, status=status, warning=warning, **kwargs)
    try:
        app.build()
        return (Path(app.outdir), strip_colors(warning.getvalue()), app.statuscode, app.env,
                strip_colors(status.getvalue()))
    finally:
        app.cleanup()


def strip_colors(s: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", s)


def copy_root(tmp_path_factory, name: str) -> Path:
    dest = tmp_path_factory.mktemp(name) / name
    shutil.copytree(ROOTS / f"test-{name}", dest)
    return dest


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(el) -> str:
    return " ".join(el.get_text(" ").split())


def numbers(page: BeautifulSoup) -> list[str]:
    return [q.select_one(".quiz-question-title").get_text(strip=True)
            for q in page.select("div.quiz-question")]

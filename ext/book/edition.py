"""What the book says about itself: edition, licenses, the commit and date it was built from,
where the online edition lives and how to cite it. One source for the PDF's title page and
colophon (:mod:`book.latex`) and the ``.. book-colophon::`` directive (HTML, EPUB).

Reproducible: the date comes from ``SOURCE_DATE_EPOCH`` (the Makefile sets it to the last
commit's time) or else the last commit; the commit from ``git rev-parse HEAD``, or
"unknown" outside a git checkout. Nothing depends on the clock.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.config import Config

LICENSE_LINE = ("Text, figures and generated audio: Creative Commons Attribution-ShareAlike "
                "4.0 International (CC BY-SA 4.0). Code: MIT license.")


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


@dataclass(frozen=True)
class Edition:
    title: str
    author: str
    release: str
    commit: str          #: full hash, or "unknown"
    date: str            #: YYYY-MM-DD (UTC)
    url: str             #: the online edition, "" when html_baseurl is not set

    @property
    def short_commit(self) -> str:
        return self.commit[:12]

    @property
    def citation_text(self) -> str:
        """The citation without the URL."""
        return f"{self.author}. {self.title}, edition {self.release} ({self.date[:4]})."

    @property
    def citation(self) -> str:
        return self.citation_text + (f" {self.url}" if self.url else "")


def edition(config: Config, root: Path) -> Edition:
    """The edition of the course being built from *root* (the repository)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _git(root, "log", "-1", "--format=%ct") or "0"
    date = time.strftime("%Y-%m-%d", time.gmtime(int(epoch)))
    commit = _git(root, "rev-parse", "HEAD") or "unknown"
    return Edition(title=config.project, author=config.author, release=config.release,
                   commit=commit, date=date, url=(config.html_baseurl or "").rstrip("/") + "/"
                   if config.html_baseurl else "")

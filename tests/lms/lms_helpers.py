"""Small helpers of the instructor-pack tests."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path


def html_text(fragment: str) -> str:
    """The text of an HTML fragment: tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def zip_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {info.filename: archive.read(info) for info in archive.infolist()}


def question_id(name: str) -> str:
    """"2.3 t-true-false" -> "t-true-false"."""
    return name.split(" ", 1)[1]

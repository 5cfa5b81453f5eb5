"""The learner's course (ext/learner/): the JavaScript it adds per page, gzipped as
tools/serve.py sends it, on a lesson page, a module page without a quiz and the progress page,
and the size of the progress page's course map."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

#: The learner's scripts (ext/learner/pages.py loads them per page); quiz.js is on every page.
SCRIPTS = ("course-store.js", "course-review.js", "learner-record.js", "course-progress.js")
SCRIPT_SRC = re.compile(r'<script[^>]*\ssrc="([^"?]+)')
MAP = re.compile(r'<script type="application/json" class="learner-map">(.*?)</script>', re.S)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def added_js(page: Path) -> tuple[list[str], int, int]:
    """The learner's scripts on a page: names, raw bytes, gzipped bytes (one file each)."""
    names, raw, packed = [], 0, 0
    for src in SCRIPT_SRC.findall(page.read_text(encoding="utf-8")):
        name = src.rsplit("/", 1)[-1]
        if name in SCRIPTS or src.endswith("gym/gym-record.js"):
            data = (page.parent / src).resolve().read_bytes()
            names.append(name)
            raw += len(data)
            packed += gz(data)
    return names, raw, packed


def first(site: Path, pattern: str, needle: str = "") -> Path | None:
    for page in sorted(site.glob(pattern)):
        if needle in page.read_text(encoding="utf-8"):
            return page
    return None


def report(site: Path) -> None:
    print("Progress (ext/learner/): JavaScript added per page, gzipped")
    pages = [
        ("lesson with a quiz", first(site, "modules/*/*.html", 'class="learner-done"')),
        ("module overview", site / "modules/01-sound-and-hearing/index.html"),
        ("progress page", site / "progress.html"),
    ]
    for label, page in pages:
        if page is None or not page.exists():
            print(f"  {label:20} (not in this build)")
            continue
        names, raw, packed = added_js(page)
        print(f"  {label:20} {packed / 1024:5.1f} KB gzipped ({raw / 1024:5.1f} KB raw): "
              f"{', '.join(names) or 'none'}  [{page.relative_to(site)}]")
    progress = site / "progress.html"
    if progress.exists():
        m = MAP.search(progress.read_text(encoding="utf-8"))
        if m:
            data = json.loads(m.group(1))
            questions = sum(len(mod["questions"]) for mod in data["modules"])
            lessons = sum(len(mod["lessons"]) for mod in data["modules"])
            print(f"  course map: {len(data['modules'])} modules, {lessons} lessons, {questions} "
                  f"questions; {len(m.group(1).encode()) / 1024:.1f} KB raw, "
                  f"{gz(m.group(1).encode()) / 1024:.1f} KB gzipped in progress.html")

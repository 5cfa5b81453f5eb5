"""The whole site as one ZIP for offline study: ``downloads/<name>-site.zip``.

Built at ``build-finished`` of the HTML builder, after every other step that writes into the
output (the instructor pack, the stylesheet bundle, the search texts), so the archive holds
the finished site. Left out, and said so on the pages that offer it:

* the PDF and the EPUB (separate downloads, ``course_downloads``);
* ``downloads/instructor/`` (the question bank for learning management systems, about 110 MB,
  for instructors, not learners);
* the ZIP itself, and hidden files such as Sphinx's ``.buildinfo``.

Entries sit under one folder (``<name>-site/``), so unzipping gives one folder with
``index.html`` in it. The archive is byte-reproducible (:mod:`course.archive`); files that are
compressed already (MP3, PNG, ZIP, fonts) are stored, the rest deflated.

Its size appears on the pages that link it, in ``<span class="offline-site-size">``: the pages
are inside the archive, so the label is settled by a fixed point. The ZIP is written, its
size formatted ("92 MB"); when a page shows another label, the pages are updated and the ZIP
written again (the label changes a few bytes, so one more pass settles it).
"""

from __future__ import annotations

import re
import time
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from course.archive import write_zip

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Folders of the output that are not in the offline site, with the reason.
LEFT_OUT_DIRS = {"downloads/instructor": "the instructor pack (learning management system exports)"}
#: Suffixes stored without compression: deflate gains little on them and costs time.
STORED = frozenset({".mp3", ".ogg", ".flac", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".webp",
                    ".woff", ".woff2", ".epub", ".imscc"})
#: The size label in the pages: ``<span class="offline-site-size">92 MB</span>``.
SIZE_LABEL = re.compile(r'(<span class="offline-site-size">)([^<]*)(</span>)')
SIZE_MARK = b'<span class="offline-site-size">'
README = """{title}: the whole website for offline study.

Open index.html in this folder with any web browser: no server and no connection needed.
Search, quizzes, audio players and glossary previews work from disk.
Left out: the PDF and the EPUB (separate downloads) and the instructors' question-bank
exports (downloads/instructor/ on the website).
"""


def human_size(size: int) -> str:
    """``92 MB``, ``8.4 MB``, ``350 kB`` (decimal units, as file managers show them)."""
    if size >= 10_000_000:
        return f"{size / 1e6:.0f} MB"
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{max(1, round(size / 1e3))} kB"


def left_out(rel: str, zip_rel: str, excluded_files: Iterable[str]) -> bool:
    """Is the output file *rel* (POSIX, relative to the output) kept out of the ZIP?"""
    parts = rel.split("/")
    if any(p.startswith(".") for p in parts):  # .buildinfo, temporary files
        return True
    if rel == zip_rel or rel in excluded_files:
        return True
    return any(rel == d or rel.startswith(d + "/") for d in LEFT_OUT_DIRS)


def site_files(outdir: Path, zip_rel: str, excluded_files: Iterable[str]) -> dict[str, Path]:
    """``{relative path: file}`` of every output file that goes into the ZIP."""
    excluded = set(excluded_files)
    files = {}
    for path in outdir.rglob("*"):
        if path.is_file():
            rel = path.relative_to(outdir).as_posix()
            if not left_out(rel, zip_rel, excluded):
                files[rel] = path
    return files


def set_label(paths: Iterable[Path], label: str) -> int:
    """Show *label* in every size span of *paths*; returns how many files changed."""
    changed = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        new = SIZE_LABEL.sub(lambda m: m.group(1) + label + m.group(3), text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def up_to_date(target: Path, entries: dict[str, bytes | Path], labelled: Iterable[Path]) -> bool:
    """Is the ZIP at *target* already the archive of *entries*: the same names, the same
    contents, and its size shown on the pages? Files older than the ZIP are taken as they are;
    newer ones (Sphinx writes the search page, the index and the search index on every build)
    are compared with the archive's CRC-32 and size. A build that changed nothing, such as a
    second ``make html``, then reads a few files instead of writing 80 MB."""
    if not target.is_file():
        return False
    written = target.stat().st_mtime_ns
    try:
        with zipfile.ZipFile(target) as archive:
            infos = {i.filename: i for i in archive.infolist()}
            if sorted(infos) != sorted(entries):
                return False
            for name, value in entries.items():
                info = infos[name]
                if isinstance(value, Path):
                    if value.stat().st_mtime_ns <= written:
                        continue
                    data = value.read_bytes()
                else:
                    data = value
                if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
                    return False
    except (OSError, zipfile.BadZipFile):
        return False
    label = human_size(target.stat().st_size)
    return all({m.group(2) for m in SIZE_LABEL.finditer(p.read_text(encoding="utf-8"))} == {label}
               for p in labelled)


def build(outdir: Path, zip_rel: str, excluded_files: Iterable[str], title: str) -> tuple[int, int]:
    """Write the ZIP; returns (size in bytes, entries)."""
    files = site_files(outdir, zip_rel, excluded_files)
    root = Path(zip_rel).stem + "/"
    entries: dict[str, bytes | Path] = {root + rel: path for rel, path in files.items()}
    entries[root + "README.txt"] = README.format(title=title).encode("utf-8")
    labelled = [p for rel, p in files.items() if rel.endswith(".html") and SIZE_MARK in p.read_bytes()]
    target = outdir / zip_rel
    if target.is_file():
        # the last ZIP's size: the best guess, and right when nothing changed (Sphinx writes
        # some pages again on every build, with the placeholder)
        set_label(labelled, human_size(target.stat().st_size))
        if up_to_date(target, entries, labelled):
            return target.stat().st_size, len(entries)
    for _ in range(4):
        size = write_zip(target, entries, STORED)
        if not set_label(labelled, human_size(size)):
            return size, len(entries)
    logger.warning("offline site: the size shown on the pages did not settle; it may be off",
                   type="course", subtype="offline")
    return size, len(entries)


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: HTML builder only, after a successful build."""
    if exception is not None or app.builder.name != "html":
        return
    downloads = dict(getattr(app.config, "course_downloads", None) or {})
    zip_rel = downloads.pop("site", None)
    if not zip_rel:
        return
    start = time.perf_counter()
    size, count = build(Path(app.outdir), zip_rel, downloads.values(), app.config.project)
    logger.info(f"offline site: {zip_rel}: {count} files, {human_size(size)} ({size} bytes) in "
                f"{time.perf_counter() - start:.1f} s")

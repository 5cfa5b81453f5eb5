"""Shared plumbing of the offline-site tests: build the small course, unzip a site, run the
browser checks (tests/browser/offline.mjs, glossary.mjs)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import browser
from sphinx_project import ROOTS, sphinx_build

SMALL = ROOTS / "test-offline-site"
SMALL_ZIP = "downloads/offline-test-site.zip"
#: A word that only the small course's lesson "Waves" contains, and text of its snippet.
SMALL_QUERY, SMALL_SNIPPET = "quasimodal", "exactly one result"


def build_small(base: Path, src: Path = SMALL, *, prefill: bool = True) -> tuple[Path, subprocess.CompletedProcess]:
    """Build the small course into ``base/html``. With *prefill*, the output first holds what
    must stay out of the ZIP: an instructor pack, the PDF and the EPUB."""
    out = base / "html"
    if prefill:
        for rel in ("downloads/instructor/course-moodle.xml", "downloads/offline-test.pdf",
                    "downloads/offline-test.epub"):
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(b"left out")
    proc = sphinx_build("html", src, out, base / "doctrees", "-c", str(src))
    return out, proc


def unzip(archive: Path, dest: Path) -> Path:
    """Unzip *archive* into *dest*; returns the site folder (the archive's one top folder)."""
    with zipfile.ZipFile(archive) as z:
        z.extractall(dest)
    (top,) = [p for p in dest.iterdir() if p.is_dir()]
    return top


def rezip(folder: Path, archive: Path) -> None:
    """Zip *folder* (as its own top folder) into *archive*: for the broken fixtures."""
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(folder.parent).as_posix())


def offline_gate(site: Path, query: str, expected: str) -> dict:
    """tests/browser/offline.mjs on an unzipped site: navigation, search snippets, quiz, audio."""
    browser.require_tools()
    proc = subprocess.run(["node", str(browser.BROWSER / "offline.mjs"), str(site), query, expected],
                          capture_output=True, text=True, cwd=browser.BROWSER, timeout=300,
                          env=dict(__import__("os").environ, CHROMIUM=browser.CHROMIUM))
    if proc.returncode != 0 or not proc.stdout:
        raise RuntimeError(f"offline.mjs failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def glossary_check(site: Path, page: str) -> dict:
    """tests/browser/glossary.mjs on one page of *site*, served with the strict CSP."""
    browser.require_tools()
    with browser.served(site) as base:
        proc = subprocess.run(["node", str(browser.BROWSER / "glossary.mjs"), base + page],
                              capture_output=True, text=True, cwd=browser.BROWSER, timeout=300,
                              env=dict(__import__("os").environ, CHROMIUM=browser.CHROMIUM))
    if proc.returncode != 0 or not proc.stdout:
        raise RuntimeError(f"glossary.mjs failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def copy_site(site: Path, dest: Path) -> Path:
    shutil.copytree(site, dest)
    return dest

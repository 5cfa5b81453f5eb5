"""Fixtures of the learner's-course tests (``ext/learner/``, issue 17 point 1).

``progress_site`` builds ``tests/roots/test-progress`` once (two tiny modules, a lesson with a
quiz, a review quiz, the progress page). ``walk_http`` and ``walk_file`` run
``tests/browser/progress.mjs`` on it, served by ``tools/serve.py`` (the strict CSP) and opened
from ``file://``; ``broken_walk`` runs it on copies with one script deliberately broken.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import browser
from sphinx_project import build, copy_root, warnings


@pytest.fixture(scope="session")
def progress_site(tmp_path_factory) -> Path:
    app = build(copy_root(tmp_path_factory.mktemp("progress"), "progress"))
    assert app.statuscode == 0, warnings(app)
    assert warnings(app) == ""
    return Path(app.outdir)


def run_walk(url: str) -> dict:
    """tests/browser/progress.mjs on a site root URL (ending in "/")."""
    browser.require_tools()
    proc = subprocess.run(["node", str(browser.BROWSER / "progress.mjs"), url],
                          capture_output=True, text=True, cwd=browser.BROWSER, timeout=300,
                          env=dict(os.environ, CHROMIUM=browser.CHROMIUM))
    if proc.returncode != 0 or not proc.stdout:
        raise RuntimeError(f"progress.mjs failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def walk_served(site: Path) -> dict:
    with browser.served(site) as base:
        return run_walk(base)


@pytest.fixture(scope="session")
def walk_http(progress_site) -> dict:
    return walk_served(progress_site)


@pytest.fixture(scope="session")
def walk_file(progress_site) -> dict:
    return run_walk(progress_site.resolve().as_uri() + "/")


#: Deliberate breakage: (file under _static/, text to replace, replacement).
BREAKAGE = {
    # the schedule never puts a missed question in the queue
    "no-review": ("course-review.js", "if (!ok) {", "if (false) {"),
    # an import is taken without checking it
    "no-import-check": ("course-store.js",
                        "var why = checkRecord(parsed, validators);\n        if (why === \"newer\") {\n"
                        "          return { ok: false, message: \"This file comes",
                        "var why = null;\n        if (why === \"newer\") {\n"
                        "          return { ok: false, message: \"This file comes"),
    # a corrupt record is written over instead of kept
    "no-damaged-copy": ("course-store.js", "store.setItem(DAMAGED_KEY, raw);", "store.removeItem(KEY);"),
    # the file input loses its label (axe: label)
    "unlabelled-import": ("course-progress.js", 'el("label", { for: "learner-import" }, "Import a file: ")',
                          'el("span", {}, "Import a file: ")'),
    # the button marks nothing
    "no-mark": ("learner-record.js", "lessons[doc] = new Date(now).toISOString();", "void now;"),
}


@pytest.fixture(scope="session")
def broken_walk(progress_site, tmp_path_factory):
    """The walk on a copy of the site with one deliberate breakage; cached by name."""
    cache: dict[str, dict] = {}

    def walk(name: str) -> dict:
        if name not in cache:
            site = tmp_path_factory.mktemp(f"broken-{name}") / "site"
            shutil.copytree(progress_site, site)
            file, old, new = BREAKAGE[name]
            path = site / "_static" / file
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, f"{file}: the breakage no longer applies"
            path.write_text(text.replace(old, new), encoding="utf-8")
            cache[name] = run_walk(site.resolve().as_uri() + "/")
        return cache[name]

    return walk

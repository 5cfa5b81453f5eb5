"""Helpers for the gym tests: the built test root (tests/roots/test-gym), copies of it with
one file broken (the fixtures that prove each browser check can fail), and tests/browser/gym.mjs.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import browser
from sphinx_project import ROOT, ROOTS, sphinx_build

GYM_MJS = ROOT / "tests" / "browser" / "gym.mjs"


def require_browser() -> None:
    missing = []
    if not Path(browser.CHROMIUM).exists():
        missing.append(f"Chromium at {browser.CHROMIUM}")
    if not (browser.NODE_MODULES / "playwright-core").exists():
        missing.append("tests/browser/node_modules (npm ci --prefix tests/browser)")
    if missing:
        raise RuntimeError("the gym's browser checks need: " + "; ".join(missing))


@functools.cache
def site() -> Path:
    """tests/roots/test-gym built once (HTML) into a temporary folder."""
    tmp = Path(tempfile.mkdtemp(prefix="gym-site-"))
    run = sphinx_build("html", ROOTS / "test-gym", tmp / "html", tmp / "doctrees")
    assert run.returncode == 0, run.stderr[-3000:]
    return tmp / "html"


def broken_copy(tmp: Path, file: str, old: str, new: str) -> Path:
    """A copy of the built test site with ``old`` replaced by ``new`` in ``file`` (relative
    to the site); fails if ``old`` is not there (the fixture would prove nothing)."""
    dest = tmp / "broken-site"
    shutil.copytree(site(), dest)
    path = dest / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return dest


def run_gym(mode: str, *args: str, timeout: int = 300) -> dict:
    """Run tests/browser/gym.mjs in ``mode``; its JSON, or an AssertionError with its output."""
    require_browser()
    env = dict(os.environ, CHROMIUM=browser.CHROMIUM)
    run = subprocess.run(["node", str(GYM_MJS), mode, *args], capture_output=True, text=True,
                         cwd=GYM_MJS.parent, env=env, timeout=timeout)
    if run.returncode != 0:
        raise AssertionError(f"gym.mjs {mode} failed:\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def file_url(site_dir: Path, page: str) -> str:
    return (site_dir / page).resolve().as_uri()

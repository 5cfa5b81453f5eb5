"""Shared test fixtures.

* ``rootdir``: the folder of tiny test projects for ``sphinx.testing`` (``tests/roots/test-*``);
  use ``@pytest.mark.sphinx("html", testroot="quiz")`` with the ``app`` fixture, or
  ``make_app``.
* ``course``: the real course built ONCE per test session (HTML first; then LaTeX + PDF,
  EPUB and spelling side by side, each from a copy of the HTML build's doctrees), in a
  temporary folder. Set ``COURSE_TEST_BUILD`` to
  a folder to keep and reuse a build between runs while you work on tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "ext", ROOT / "tools"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

pytest_plugins = ["sphinx.testing.fixtures"]

from sphinx_project import BROKEN_SITE, sphinx_build  # noqa: E402 (after sys.path is set)

BASENAME = "open-audio-production-course"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOT / "tests" / "roots"


@dataclass
class CourseBuild:
    """Where each builder wrote, and what each printed on stderr (its warnings)."""

    root: Path
    outdirs: dict[str, Path] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    returncodes: dict[str, int] = field(default_factory=dict)
    rebuild: subprocess.Popen | None = None
    rebuild_root: Path | None = None
    background: dict = field(default_factory=dict)  # name -> Future, started once HTML exists

    @property
    def html(self) -> Path:
        return self.outdirs["html"]

    @property
    def latex(self) -> Path:
        return self.outdirs["latex"]

    @property
    def pdf(self) -> Path:
        return self.outdirs["latex"] / f"{BASENAME}.pdf"

    @property
    def epub(self) -> Path:
        return self.outdirs["epub"] / f"{BASENAME}.epub"


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> CourseBuild:
    keep = os.environ.get("COURSE_TEST_BUILD")
    base = Path(keep) if keep else tmp_path_factory.mktemp("course")
    base.mkdir(parents=True, exist_ok=True)
    build = CourseBuild(root=base)
    doctrees = base / "doctrees"
    # A second clean build (HTML + LaTeX, its own caches, another hash seed) runs beside
    # this one on the other core; tests/site/test_reproducible.py compares the two.
    import reproducible

    rebuild_root = base / "rebuild"
    if not (keep and (rebuild_root / "html").exists()):
        build.rebuild = reproducible.start_build(rebuild_root, seed="2", latex_cache=base / ".audio-cache")
    build.rebuild_root = rebuild_root
    # The audio cache is the default one, beside the outputs (base/.audio-cache): fresh.
    # HTML first (it renders the audio and figures); then LaTeX + PDF, EPUB and spelling run
    # at the same time, each on its own copy of the doctrees, while the browser checks start.
    def run(builder: str, trees: Path) -> None:
        proc = sphinx_build(builder, ROOT / "docs", base / builder, trees)
        build.outdirs[builder] = base / builder
        build.warnings[builder] = proc.stderr
        build.returncodes[builder] = proc.returncode

    def latex_and_pdf(trees: Path) -> None:
        run("latex", trees)
        if build.returncodes["latex"] == 0:  # the PDF, as `make pdf` makes it
            proc = subprocess.run(
                ["make", "-C", str(base / "latex"), "LATEXMKOPTS=-quiet -interaction=nonstopmode -halt-on-error",
                 "all-pdf"], capture_output=True, text=True)
            build.returncodes["pdf"] = proc.returncode
            build.warnings["pdf"] = proc.stdout[-5000:] + proc.stderr[-5000:]

    run("html", doctrees)
    if build.returncodes["html"] == 0:
        _start_browser_checks(build)
    from concurrent.futures import ThreadPoolExecutor

    jobs = {"latex": latex_and_pdf, "epub": lambda t: run("epub", t), "spelling": lambda t: run("spelling", t)}
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = []
        for name, job in jobs.items():
            trees = base / f"doctrees-{name}"
            if trees.exists():
                shutil.rmtree(trees)
            shutil.copytree(doctrees, trees)
            futures.append(pool.submit(job, trees))
        for future in futures:
            future.result()
    # As `make html` does: the PDF and EPUB become downloads of the site.
    downloads = build.html / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    for made in (build.pdf, build.epub):
        if made.exists():
            shutil.copy2(made, downloads / made.name)
    return build


# -- Browser checks (tests/browser.py) -------------------------------------------------------

def _start_browser_checks(build: CourseBuild) -> None:
    """The axe/request audit and the Nu HTML Checker need only the HTML, so they start as soon
    as it is built and run while the LaTeX, PDF, EPUB and spelling builds go on (the machine
    has two cores and the builds use one). Lighthouse is not started here: it measures speed
    and must run on a quiet machine."""
    from concurrent.futures import ThreadPoolExecutor

    import browser

    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="browser-checks")
    build.background["audit"] = pool.submit(lambda: (browser.require_tools(), browser.audit(build.html))[1])
    build.background["vnu"] = pool.submit(lambda: (browser.require_tools(), browser.vnu([build.html]))[1])
    pool.shutdown(wait=False)


@pytest.fixture(scope="session")
def site_audit(course):
    """axe-core, requests, CSP reports and console errors for every page, light and dark."""
    import browser

    if "audit" in course.background:
        return course.background["audit"].result()
    browser.require_tools()
    return browser.audit(course.html)


@pytest.fixture(scope="session")
def broken_audit():
    """The same audit of tests/fixtures/broken-site: proves each check can fail."""
    import browser

    browser.require_tools()
    return browser.audit(BROKEN_SITE)

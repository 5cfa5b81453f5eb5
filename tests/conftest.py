"""Shared test fixtures.

* ``rootdir``: the folder of tiny test projects for ``sphinx.testing`` (``tests/roots/test-*``);
  use ``@pytest.mark.sphinx("html", testroot="quiz")`` with the ``app`` fixture, or
  ``make_app``.
* ``course``: the real course built ONCE per test session (HTML, LaTeX + PDF, EPUB and
  spelling, sharing one doctree cache), in a temporary folder. Set ``COURSE_TEST_BUILD`` to
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
for p in (ROOT, ROOT / "ext"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

pytest_plugins = ["sphinx.testing.fixtures"]

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


def sphinx_build(builder: str, srcdir: Path, outdir: Path, doctrees: Path, *extra: str):
    """Run sphinx-build the way the Makefile does (-W --keep-going -n)."""
    cmd = [
        sys.executable, "-m", "sphinx", "-b", builder, "-c", str(ROOT),
        "-W", "--keep-going", "-n", "-q", "-d", str(doctrees), *extra,
        str(srcdir), str(outdir),
    ]
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> CourseBuild:
    keep = os.environ.get("COURSE_TEST_BUILD")
    base = Path(keep) if keep else tmp_path_factory.mktemp("course")
    base.mkdir(parents=True, exist_ok=True)
    build = CourseBuild(root=base)
    doctrees = base / "doctrees"
    cache = ["-D", f"audio_cache_dir={base / 'audio-cache'}"]
    for builder in ("html", "latex", "epub", "spelling"):
        outdir = base / builder
        proc = sphinx_build(builder, ROOT / "docs", outdir, doctrees, *cache)
        build.outdirs[builder] = outdir
        build.warnings[builder] = proc.stderr
        build.returncodes[builder] = proc.returncode
    # The PDF, as `make pdf` makes it.
    latex = build.outdirs["latex"]
    if build.returncodes["latex"] == 0:
        proc = subprocess.run(
            ["make", "-C", str(latex), "LATEXMKOPTS=-quiet -interaction=nonstopmode -halt-on-error", "all-pdf"],
            capture_output=True, text=True,
        )
        build.returncodes["pdf"] = proc.returncode
        build.warnings["pdf"] = proc.stdout[-5000:] + proc.stderr[-5000:]
    # As `make html` does: the PDF and EPUB become downloads of the site.
    downloads = build.html / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    for made in (build.pdf, build.epub):
        if made.exists():
            shutil.copy2(made, downloads / made.name)
    return build

"""Parallel builds: ``sphinx-build -j2 -W`` passes with every course extension, and gives the
same HTML as ``-j1``, byte for byte (tests/roots/test-parallel: quizzes, audio examples,
figures, math, the furo theme and ext/course_html.py)."""

from __future__ import annotations

import shutil

import parallel_build
import pytest


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("parallel")
    src = base / "src"
    shutil.copytree(parallel_build.TEST_ROOT, src)
    cache = base / "audio-cache"  # rendered once, by the first build: the writing is compared
    results = {}
    for jobs in ("1", "2"):
        _seconds, proc = parallel_build.build(src, base / f"j{jobs}", jobs, audio_cache=cache)
        results[jobs] = proc
    return base, results


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_passes_with_warnings_as_errors(builds, jobs):
    _base, results = builds
    proc = results[jobs]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "parallel" not in proc.stderr  # "... is not safe for parallel reading/writing"


def test_j1_and_j2_give_identical_html(builds):
    base, results = builds
    assert all(proc.returncode == 0 for proc in results.values())
    j1 = base / "j1"
    pages = sorted(p.relative_to(j1).as_posix() for p in j1.rglob("*.html"))
    assert len(pages) >= 9, pages  # the root's pages, the index and the search page
    assert (j1 / "modules/01-sound/lesson-a.html").read_text(encoding="utf-8").count(
        'class="quiz-question"') == 2
    assert parallel_build.differences(j1, base / "j2") == []


def test_differences_finds_a_changed_byte(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        (d / "sub").mkdir(parents=True)
        (d / "same.html").write_text("<p>same</p>")
    (a / "sub" / "page.html").write_text("<p>one</p>")
    (b / "sub" / "page.html").write_text("<p>One</p>")
    (a / "only-here.js").write_text("")
    assert parallel_build.differences(a, b) == ["only-here.js", "sub/page.html"]

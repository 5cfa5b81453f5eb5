"""Reproducible builds: two clean builds of the same commit (each with its own caches and a
different PYTHONHASHSEED, run side by side by the ``course`` fixture) give byte-identical
HTML, audio and LaTeX sources."""

import shutil

import pytest

import reproducible
from sphinx_project import ROOT


@pytest.fixture(scope="module")
def rebuilt(course):
    if course.rebuild is not None:
        code = course.rebuild.wait(timeout=3600)
        assert code == 0, (course.rebuild_root / "build.log").read_text()[-3000:]
    return course.rebuild_root


def test_second_build_has_every_kind_of_output(rebuilt):
    html = rebuilt / "html"
    assert len(list(html.rglob("*.html"))) > 100
    assert list((html / "_audio").glob("*.mp3")) and list((html / "_audio").glob("*.wav"))
    assert list((rebuilt / "latex").glob("*.tex"))


def test_two_clean_builds_are_identical(course, rebuilt):
    problems = reproducible.compare(course.root, rebuilt)
    assert not problems, "\n" + "\n".join(problems[:30])


def test_comparison_catches_a_build_that_differs(tmp_path):
    """A tiny project that stamps each build with the clock: the comparison must see it."""
    src = tmp_path / "src"
    shutil.copytree(ROOT / "tests" / "roots" / "test-unreproducible", src)
    for name, seed in (("a", "1"), ("b", "2")):
        reproducible.build(tmp_path / name, seed=seed, srcdir=src, builders=("html",))
    problems = reproducible.compare(tmp_path / "a", tmp_path / "b", builders=("html",))
    assert any(p.startswith("html/index.html: differs") for p in problems), problems

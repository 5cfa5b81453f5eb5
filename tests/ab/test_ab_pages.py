"""Every audio pair is an A/B player's root (``data-ab``, two labels), and the player's
scripts load on exactly the pages that have a pair."""

from pathlib import Path

from abcheck import SCRIPTS, site_problems, site_report

from sphinx_project import ROOT

#: The course's audio pairs (issue 16: "The course has 61 before/after pairs").
COURSE_PAIRS = 61
BROKEN = ROOT / "tests" / "fixtures" / "ab-broken" / "site"


def test_every_course_pair_is_an_ab_root_with_its_scripts(course):
    report = site_report(course.html)
    assert report.problems == []
    assert report.pairs == COURSE_PAIRS
    assert len(report.pages_with_pairs) >= 30


def test_test_project_pair_page_and_plain_page(ab_site):
    report = site_report(ab_site)
    assert report.problems == []
    assert (report.pairs, report.pages_with_pairs) == (1, ["index.html"])
    for name in SCRIPTS:
        assert (ab_site / "_static" / name).is_file()


def test_broken_pages_are_caught():
    problems = site_problems(BROKEN)
    assert any(p.startswith("no-data-ab.html: pair 1 has no data-ab") for p in problems), problems
    assert any(p.startswith("stray-js.html: loads course-ab.js without a pair") for p in problems), problems
    assert any(p.startswith("missing-js.html: has a pair but loads []") for p in problems), problems
    assert len(problems) == 3, problems


def test_epub_gets_no_player_script(tmp_path):
    from sphinx_project import build, copy_root, warnings

    app = build(copy_root(tmp_path, "ab"), "epub")
    assert app.statuscode == 0, warnings(app)
    page = (Path(app.outdir) / "index.xhtml").read_text(encoding="utf-8")
    assert "data-ab=" in page
    assert "course-ab.js" not in page

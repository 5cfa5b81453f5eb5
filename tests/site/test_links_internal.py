"""Every internal link, image, download, stylesheet, script and #anchor of the site resolves."""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from check_html_links import check_site  # noqa: E402


def test_course_site_has_no_broken_internal_links(course):
    problems = check_site(course.html)
    assert not problems, "\n".join(map(str, problems[:50]))


def test_checker_reports_dead_links_and_missing_anchors_with_file_and_line(rootdir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(rootdir / "test-html-links", site)
    found = {(p.file, p.line, p.target, p.reason) for p in check_site(site)}
    assert found == {
        ("index.html", 6, "missing.html", "dead link"),
        ("index.html", 7, "other.html#absent", "missing anchor"),
        ("index.html", 8, "#nowhere", "missing anchor"),
        ("index.html", 9, "gone.png", "dead link"),
    }


@pytest.mark.sphinx("html", testroot="broken-refs")
def test_broken_references_fail_with_file_and_line(app):
    app.build()
    warnings = app.warning.getvalue()
    src = "index.rst"
    assert f"{src}:4: WARNING: unknown document: 'no-such-page'" in warnings
    assert f"{src}:6: WARNING: undefined label: 'no-such-label'" in warnings
    assert f"{src}:8: WARNING: term not in glossary: 'no such term'" in warnings

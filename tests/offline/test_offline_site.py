"""The offline site on a small course (tests/roots/test-offline-site): the ZIP's contents, what
it leaves out, its size on the pages, byte-reproducibility, and the offline gate from
``file://`` with a broken fixture for each check."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest
from offline.sitezip import STORED, human_size
from offline_helpers import SMALL, SMALL_QUERY, SMALL_SNIPPET, SMALL_ZIP, build_small, offline_gate, rezip, unzip

from course.archive import build_timestamp


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    base = tmp_path_factory.mktemp("offline-small")
    out, proc = build_small(base)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def names(archive) -> list[str]:
    with zipfile.ZipFile(archive) as z:
        return z.namelist()


def test_zip_holds_the_site_under_one_folder(small):
    entries = names(small / SMALL_ZIP)
    assert all(e.startswith("offline-test-site/") for e in entries)
    rel = {e.split("/", 1)[1] for e in entries}
    pages = {p.relative_to(small).as_posix() for p in small.rglob("*.html")}
    assert pages and pages <= rel
    for needed in ("search.html", "searchindex.js", "_static/offline-search.js", "_static/quiz.js",
                   "_static/glossary-preview.js", "_searchtext/modules/01-sound/waves.js", "README.txt"):
        assert needed in rel, needed
    assert any(r.startswith("_audio/") and r.endswith(".mp3") for r in rel)
    assert entries == sorted(entries)


def test_zip_leaves_out_downloads_instructor_pack_and_itself(small):
    rel = {e.split("/", 1)[1] for e in names(small / SMALL_ZIP)}
    assert (small / "downloads/instructor/course-moodle.xml").exists()  # in the site, not the ZIP
    for left in ("downloads/instructor/course-moodle.xml", "downloads/offline-test.pdf",
                 "downloads/offline-test.epub", SMALL_ZIP, ".buildinfo"):
        assert left not in rel, left


def test_zip_metadata_is_fixed(small):
    with zipfile.ZipFile(small / SMALL_ZIP) as z:
        infos = z.infolist()
    assert {i.date_time for i in infos} == {build_timestamp()}  # SOURCE_DATE_EPOCH
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    stored = {i.filename.rsplit(".", 1)[-1] for i in infos if i.compress_type == zipfile.ZIP_STORED}
    assert "mp3" in stored and {"html", "js", "css", "svg"}.isdisjoint(stored)
    assert {f".{s}" for s in stored} <= STORED


def test_size_on_the_pages_is_the_zip_size(small):
    label = human_size((small / SMALL_ZIP).stat().st_size)
    labelled = 0
    for page in small.rglob("*.html"):
        for shown in re.findall(r'<span class="offline-site-size">([^<]*)</span>', page.read_text("utf-8")):
            assert shown == label, page
            labelled += 1
    assert labelled >= 8  # the sidebar of every page, and the download list
    with zipfile.ZipFile(small / SMALL_ZIP) as z:
        inside = z.read("offline-test-site/index.html").decode()
    assert f'<span class="offline-site-size">{label}</span>' in inside
    assert "leaves out the PDF and the EPUB" in inside


def test_two_builds_give_the_same_zip(small, tmp_path):
    again, proc = build_small(tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (again / SMALL_ZIP).read_bytes() == (small / SMALL_ZIP).read_bytes()


def test_a_rebuild_without_changes_keeps_the_zip_and_its_label(small):
    """An incremental build writes the ZIP again (Sphinx's incremental search index may differ
    from a fresh one's, so bytes are compared between fresh builds only), with the same
    entries, and the label still shows its size."""
    before = names(small / SMALL_ZIP)
    _, proc = build_small(small.parent, prefill=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert names(small / SMALL_ZIP) == before
    label = human_size((small / SMALL_ZIP).stat().st_size)
    assert f'<span class="offline-site-size">{label}</span>' in (small / "index.html").read_text("utf-8")


# -- the offline gate, from file:// -----------------------------------------------------------

def test_offline_gate_passes_on_the_small_site(small, tmp_path):
    site = unzip(small / SMALL_ZIP, tmp_path)
    result = offline_gate(site, SMALL_QUERY, SMALL_SNIPPET)
    for check in ("navigation", "search", "quiz", "audio"):
        assert result[check]["ok"], (check, result[check])
        assert not [e for e in result[check]["errors"] if "favicon" not in e], (check, result[check])
    assert result["search"]["detail"]["withSnippet"] == result["search"]["detail"]["results"] == 1


def test_offline_gate_fails_on_a_broken_site(small, tmp_path):
    """One broken copy, one fault per check: no snippet files, a missing page behind the first
    sidebar link, no quiz script, no audio files."""
    site = unzip(small / SMALL_ZIP, tmp_path / "ok")
    shutil.rmtree(site / "_searchtext")
    (site / "modules/01-sound/index.html").unlink()
    (site / "_static/quiz.js").write_text("/* broken */\n")
    shutil.rmtree(site / "_audio")
    rezip(site, tmp_path / "broken.zip")
    broken = unzip(tmp_path / "broken.zip", tmp_path / "broken")
    result = offline_gate(broken, SMALL_QUERY, SMALL_SNIPPET)
    assert not result["navigation"]["ok"], result["navigation"]
    assert not result["search"]["ok"], result["search"]
    assert result["search"]["detail"]["results"] == 1  # found, but with no snippet
    assert result["search"]["detail"]["withSnippet"] == 0
    assert not result["quiz"]["ok"], result["quiz"]
    assert not result["audio"]["ok"], result["audio"]


def test_search_page_loads_the_snippet_shim_only_there(small):
    assert "offline-search.js" in (small / "search.html").read_text("utf-8")
    assert "offline-search.js" not in (small / "index.html").read_text("utf-8")
    assert "_searchtext" not in (small / "search.html").read_text("utf-8")  # loaded only on demand


def test_small_root_is_a_course():
    assert (SMALL / "modules/01-sound/waves.rst").exists()

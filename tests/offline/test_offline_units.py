"""The offline site's pure parts: sizes, what the ZIP leaves out, the search text of a page,
the ZIP writer, and the term links of a page."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docutils import nodes
from offline.glossary import term_links
from offline.searchtext import main_text, script
from offline.sitezip import human_size, left_out

from course.archive import write_zip, zip_bytes


def test_human_size():
    assert human_size(92_400_000) == "92 MB"
    assert human_size(8_440_000) == "8.4 MB"
    assert human_size(212_345) == "212 kB"
    assert human_size(10) == "1 kB"


def test_left_out():
    site_zip, pdf = "downloads/c-site.zip", ["downloads/c.pdf", "downloads/c.epub"]
    for rel in ("downloads/instructor/course-gift.txt", "downloads/c.pdf", "downloads/c.epub",
                site_zip, ".buildinfo", "_static/.x.tmp"):
        assert left_out(rel, site_zip, pdf), rel
    for rel in ("index.html", "_audio/m01.mp3", "downloads/instructorial.html", "_searchtext/index.js"):
        assert not left_out(rel, site_zip, pdf), rel


PAGE = """<html><body><nav><a href="x">Skip me</a></nav>
<article role="main" id="furo-main-content"><section id="intro">
<h1>Intro<a class="headerlink" href="#intro">#</a></h1>
<p>Level is  <em>20·log10</em>
of a ratio &amp; more.<br/>Next line <img src="a.svg" alt="x"></p>
<script>var hidden = 1;</script><style>p{}</style>
<p>Size <span class="offline-site-size">92 MB</span> here.
<span id="index-0"></span>
<ul><li>open li<li>second</ul></section></article>
<footer>Not main</footer></body></html>"""


def test_main_text_keeps_text_and_ids_only():
    text = main_text(PAGE)
    assert text.startswith('<div role="main"><div id="intro">')
    assert '<div id="intro">' in text and '<div id="index-0"></div>' in text
    assert "Level is 20·log10 of a ratio &amp; more.Next line" in text
    for gone in ("Skip me", "#", "hidden", "p{}", "92 MB", "Not main", "<p>", "<em>"):
        assert gone not in text.replace('<div id="', "").replace('<div role="main">', ""), gone
    assert "open lisecond" in text  # as textContent gives it: no space between elements
    assert text.count("<div") == text.count("</div>")


def test_main_text_of_a_page_without_main_is_empty():
    assert main_text("<html><body><p>text</p></body></html>") == ""


def test_script_is_one_call():
    assert script("a/b", '<div role="main">x "y"</div>') == \
        'CourseSearchText.put("a/b", "<div role=\\"main\\">x \\"y\\"</div>");\n'


def test_write_zip_streams_the_same_bytes_as_zip_bytes(tmp_path):
    (tmp_path / "a.mp3").write_bytes(b"\xff" * 5000)
    entries = {"s/b.html": b"<p>hi</p>" * 100, "s/a.mp3": tmp_path / "a.mp3"}
    size = write_zip(tmp_path / "out.zip", entries, {".mp3"})
    assert (tmp_path / "out.zip").read_bytes() == zip_bytes(entries, {".mp3"})
    assert size == (tmp_path / "out.zip").stat().st_size
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        assert [i.compress_type for i in z.infolist()] == [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]
        assert z.read("s/a.mp3") == b"\xff" * 5000
    assert not list(tmp_path.glob(".*tmp"))


def term_ref(uri: str, cls: str = "std-term") -> nodes.reference:
    ref = nodes.reference("", "", refuri=uri, internal=True)
    ref += nodes.inline("t", "t", classes=["xref", "std", cls])
    return ref


def test_term_links_resolve_relative_to_the_page():
    para = nodes.paragraph()
    para += [term_ref("../../glossary.html#term-a"), term_ref("#term-b"), term_ref("../../glossary.html#term-a"),
             term_ref("../../glossary.html#label", "std-ref"), term_ref("https://x.org/g.html#term-c")]
    assert term_links(para, "modules/01-sound/waves", ".html") == [("glossary", "term-a"),
                                                                  ("modules/01-sound/waves", "term-b")]


def test_root_of_tests():
    assert Path(__file__).parent.name == "offline"


def test_an_unchanged_zip_is_not_written_again(tmp_path):
    from offline.sitezip import build

    site = tmp_path / "html"
    (site / "downloads").mkdir(parents=True)
    (site / "index.html").write_text('<p><span class="offline-site-size">?</span></p>', "utf-8")
    (site / "a.js").write_text("var a = 1;\n", "utf-8")
    zip_rel = "downloads/x-site.zip"
    size, count = build(site, zip_rel, [], "X")
    assert count == 3 and f">{human_size(size)}<" in (site / "index.html").read_text("utf-8")
    first = (site / zip_rel).stat().st_mtime_ns
    (site / "a.js").write_text("var a = 1;\n", "utf-8")  # rewritten, same bytes
    build(site, zip_rel, [], "X")
    assert (site / zip_rel).stat().st_mtime_ns == first
    (site / "a.js").write_text("var a = 2;\n", "utf-8")  # changed
    build(site, zip_rel, [], "X")
    assert (site / zip_rel).stat().st_mtime_ns != first
    with zipfile.ZipFile(site / zip_rel) as z:
        assert z.read("x-site/a.js") == b"var a = 2;\n"

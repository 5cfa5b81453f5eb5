"""The EPUB is valid EPUB 3 (EPUBCheck: no fatal errors, no errors), its XHTML is well-formed,
it carries only core media types, and its accessibility metadata is true of its content.
tools/check_book.py does the checking."""

from __future__ import annotations

import re
import zipfile

import check_book
import pytest

from sphinx_project import ROOT, sphinx_build


@pytest.fixture(scope="module")
def epub(course):
    assert course.returncodes.get("epub") == 0, course.warnings.get("epub", "")[-3000:]
    return course.epub


@pytest.fixture(scope="module")
def epubcheck(epub):
    return check_book.epubcheck(epub)


def test_epubcheck_no_fatal_errors_and_no_errors(epubcheck):
    assert epubcheck.fatal == 0 and epubcheck.error == 0, "\n".join(epubcheck.messages[:30])


def test_every_page_is_well_formed_xhtml(epub):
    assert check_book.xhtml_errors(epub) == []


def test_only_core_media_types(epub):
    with zipfile.ZipFile(epub) as z:
        names = z.namelist()
        assert not [n for n in names if n.endswith((".wav", ".flac"))]
        pages = [z.read(n).decode("utf-8") for n in names if n.endswith(".xhtml")]
    assert not any(re.search(r'(?:src|href)="[^"]*\.wav"', p) for p in pages)


def test_accessibility_metadata_is_present_and_true(epub):
    meta = check_book.opf_metadata(epub)
    for prop in ("schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard",
                 "schema:accessibilitySummary"):
        assert meta.get(prop), prop
    with zipfile.ZipFile(epub) as z:
        names = z.namelist()
        pages = {n: z.read(n).decode("utf-8") for n in names if n.endswith(".xhtml")}
    # auditory: there is audio; visual: there are images
    assert ("auditory" in meta["schema:accessMode"]) == any(n.endswith(".mp3") for n in names)
    assert "visual" in meta["schema:accessMode"] and any(n.endswith(".svg") for n in names)
    # alternativeText: every image has a text alternative; an empty one (alt="") only on an
    # image the course marks as decorative (class "decorative": its text says everything)
    missing = [(n, img) for n, page in pages.items() for img in re.findall(r"<img\b[^>]*>", page)
               if not re.search(r'\salt="[^"]+"', img)
               and not (re.search(r'\salt=""', img) and re.search(r'class="[^"]*\bdecorative\b', img))]
    assert "alternativeText" in meta["schema:accessibilityFeature"]
    assert not missing, missing[:5]
    # index and table of contents
    assert "index" not in meta["schema:accessibilityFeature"] or "genindex.xhtml" in names
    assert any("epub:type=\"toc\"" in p or "nav" in n for n, p in pages.items())
    # nothing plays by itself
    assert not any(re.search(r"<(?:audio|video)\b[^>]*autoplay", p) for p in pages.values())
    # sound: declared as a hazard when an example is much louder than the normalized ones
    loudness = [float(v.replace("\u2212", "-")) for p in pages.values()
                for v in re.findall(r'title="integrated loudness">([\u2212\d.]+) LUFS', p)]
    assert loudness
    hazards = meta["schema:accessibilityHazard"]
    assert ("sound" in hazards) == (max(loudness) > -14.0), (max(loudness), hazards)
    assert "noSoundHazard" not in hazards or "sound" not in hazards


# -- the checks fail on a broken EPUB, and pass on a good small one -------------------------

def build_epub(root: str, tmp_path):
    src = ROOT / "tests" / "roots" / root
    proc = sphinx_build("epub", src, tmp_path / "epub", tmp_path / "doctrees", "-c", str(src))
    assert proc.returncode == 0, proc.stderr
    return next((tmp_path / "epub").glob("*.epub"))


def test_checks_fail_on_a_malformed_xhtml_attribute(tmp_path):
    bad = build_epub("test-book-bad-xhtml", tmp_path)
    errors = check_book.xhtml_errors(bad)
    assert errors and "index.xhtml" in errors[0]
    result = check_book.epubcheck(bad)
    assert result.fatal >= 1, result.messages


def test_checks_pass_on_the_small_book(tmp_path):
    good = build_epub("test-book", tmp_path)
    assert check_book.xhtml_errors(good) == []
    result = check_book.epubcheck(good)
    assert (result.fatal, result.error) == (0, 0), result.messages
    assert check_book.opf_metadata(good)["schema:accessibilityHazard"]

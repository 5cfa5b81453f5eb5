"""The EPUB: a valid EPUB 3 package (EPUBCheck) with EPUB Accessibility 1.1 metadata.

Hooked around the EPUB builder's ``build_content`` (which lists the files of the package in
``content.opf``, just before the zip is written):

* Graphviz diagrams become ``<img>`` (with the diagram's text as ``alt``), not ``<object>``;
* SVG files lose their ``<!DOCTYPE ...>``: matplotlib and Graphviz declare the SVG 1.1 DTD,
  which EPUB forbids for SVG content documents (EPUBCheck reports every entity of it);
* MP3 (``audio/mpeg``, a core media type) goes into the manifest; WAV, not a core media type,
  stays out of the package (:mod:`course.player` gives the EPUB MP3 only and links the WAV
  downloads to the online edition);
* the navigation document numbers the lessons as their headings do ("6.3 ...");
* ``content.opf`` gets the accessibility metadata of :data:`ACCESSIBILITY`: ``schema:``
  properties that describe this book's content (see the notes there; tests/book checks the
  claims that can be checked on the package).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

DOCTYPE_RE = re.compile(r"<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>\s*", re.S)
#: matplotlib writes the space glyph of its embedded font as ``<path id=... />`` without
#: ``d``, which the SVG schema requires: give it an empty move-to
PATH_WITHOUT_D_RE = re.compile(r"<path(?![^>]*\sd=)(\s[^>]*)?/>")

#: sphinx.ext.graphviz's SVG markup; an ``<img>`` displays in more reading systems
GRAPHVIZ_OBJECT_RE = re.compile(
    r'<object data="([^"]+\.svg)" type="image/svg\+xml" class="graphviz">\s*'
    r'<p class="warning">(.*?)</p>\s*</object>', re.S)

#: core media types the course adds to Sphinx's list (images, CSS, fonts, XHTML)
EXTRA_MEDIA_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4"}
#: files that never go into the EPUB (no core media type; linked online instead)
EXCLUDED_SUFFIXES = (".wav", ".flac")

#: schema.org accessibility properties (https://www.w3.org/TR/epub-a11y-11/ §2.1,
#: https://www.w3.org/2021/a11y-discov-vocab/latest/). Why each is true:
#: - textual, visual, auditory: text; figures and diagrams; MP3 audio examples;
#: - accessModeSufficient "textual": every figure has alternative text, every audio example a
#:   text description of what it sounds like, every math image its TeX source as alt text;
#: - structuralNavigation / tableOfContents / readingOrder: headings in order, nav document;
#: - alternativeText: figures and math images (tests/site checks alt on every image);
#: - index: the general index page (genindex) from the glossary and the lessons' entries;
#: - displayTransformability: reflowable XHTML and CSS only;
#: - no flashing, no motion simulation (no animation or video); sound: most audio examples are
#:   normalized to −20 LUFS, but some are louder on purpose (loudness comparisons at −14 LUFS,
#:   an authoring demonstration of an unnormalized tone at about −2.5 LUFS, December 2026), a
#:   jump that can startle at a level set for −20 LUFS (tests/book checks this claim against
#:   the measured loudness of every example in the book).
ACCESSIBILITY: list[tuple[str, str]] = [
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),
    ("schema:accessMode", "auditory"),
    ("schema:accessModeSufficient", "textual,visual,auditory"),
    ("schema:accessModeSufficient", "textual,visual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "index"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityHazard", "noFlashingHazard"),
    ("schema:accessibilityHazard", "noMotionSimulationHazard"),
    ("schema:accessibilityHazard", "sound"),
    ("schema:accessibilitySummary",
     "Reflowable text with a navigation document, headings in reading order and an index. "
     "Every figure and math image has alternative text, and every audio example has a text "
     "description of what it sounds like, so the book can be read without sight or hearing. "
     "Audio examples are MP3 files that never play by themselves; most are normalized to "
     "-20 LUFS, but a few are much louder on purpose and say so in their loudness figure: "
     "lower the volume before playing those."),
]


def fix_svg(svg: Path) -> bool:
    """Remove the DOCTYPE of an SVG file and give every path a ``d``; True if it changed."""
    text = svg.read_text(encoding="utf-8")
    fixed = DOCTYPE_RE.sub("", text, count=1)
    fixed = PATH_WITHOUT_D_RE.sub(lambda m: f'<path d="M 0 0"{m.group(1) or ""}/>', fixed)
    if fixed != text:
        svg.write_text(fixed, encoding="utf-8")
        return True
    return False


def accessibility_metadata() -> str:
    return "".join(f'\n    <meta property="{p}">{escape(v)}</meta>' for p, v in ACCESSIBILITY)


def add_metadata(opf: Path) -> None:
    text = opf.read_text(encoding="utf-8")
    if "schema:accessMode" not in text:
        text = text.replace("</metadata>", accessibility_metadata() + "\n  </metadata>", 1)
        opf.write_text(text, encoding="utf-8")


def graphviz_as_img(xhtml: str) -> str:
    """``<object data="x.svg">`` with its text fallback → ``<img src="x.svg" alt="...">``
    (Apple Books and other reading systems show an image but not always an object; the
    fallback text, already escaped, becomes the alternative text)."""
    def img(m: re.Match[str]) -> str:
        alt = " ".join(m.group(2).split()).replace('"', "&quot;")
        return f'<img src="{m.group(1)}" alt="{alt}" class="graphviz"/>'

    return GRAPHVIZ_OBJECT_RE.sub(img, xhtml)


def prepare_package(outdir: Path) -> None:
    """Fix or drop the files that would make the package invalid (before the manifest)."""
    for path in sorted(outdir.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".xhtml":
            text = path.read_text(encoding="utf-8")
            fixed = graphviz_as_img(text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
        elif path.suffix == ".svg":
            fix_svg(path)
        elif path.suffix in EXCLUDED_SUFFIXES:
            path.unlink()


def _builder_inited(app: Sphinx) -> None:
    builder = app.builder
    if not builder.name.startswith("epub"):
        return
    builder.media_types = {**builder.media_types, **EXTRA_MEDIA_TYPES}
    original = builder.build_content

    def build_content(*args: Any, **kwargs: Any) -> None:
        outdir = Path(builder.outdir)
        prepare_package(outdir)
        original(*args, **kwargs)
        add_metadata(outdir / "content.opf")

    builder.build_content = build_content
    original_refnodes = builder.get_refnodes

    def get_refnodes(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        # recursive, and called for the navigation document and the NCX alike
        result = original_refnodes(*args, **kwargs)
        number_navigation(result, builder.env.toc_secnumbers, builder.out_suffix)
        return result

    builder.get_refnodes = get_refnodes


def number_navigation(refnodes: list[dict[str, Any]], secnumbers: dict[str, dict[str, tuple[int, ...]]],
                      suffix: str) -> None:
    """Put the lesson numbers ("6.3 ") before the titles of the EPUB's navigation document
    and NCX, as the pages' headings have them (:mod:`book.numbering`)."""
    for node in refnodes:
        uri = node["refuri"]
        if node.get("numbered") or "#" in uri or not uri.endswith(suffix):
            continue
        number = secnumbers.get(uri[: -len(suffix)], {}).get("")
        if number:
            node["text"] = ".".join(map(str, number)) + " " + node["text"]
            node["numbered"] = True


class EscapeGraphvizAlt(SphinxPostTransform):
    """sphinx.ext.graphviz writes a diagram's ``:alt:`` unescaped into the ``<object>``
    fallback of an SVG diagram: "M&E" is not well-formed XHTML. Escape it for the EPUB."""

    default_priority = 200
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        try:
            from sphinx.ext.graphviz import graphviz
        except ImportError:  # pragma: no cover
            return
        for node in self.document.findall(graphviz):
            if node.get("alt"):
                node["alt"] = escape(node["alt"], quote=False)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _builder_inited)
    app.add_post_transform(EscapeGraphvizAlt)

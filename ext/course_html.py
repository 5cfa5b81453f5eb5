"""Markup hygiene for the HTML site: strict-CSP safe, valid HTML, accessible landmarks.

The theme (furo) and Sphinx write a few things that a strict Content-Security-Policy blocks
or that the Nu HTML Checker and axe-core reject. This extension rewrites exactly those, and
nothing else:

* inline ``<style>`` (furo's CSS variables) moves into the stylesheet, and the nine
  stylesheets become one, ``_static/course-bundle.css`` (one render-blocking request);
* furo's inline theme-restoring ``<script>`` becomes ``_static/theme-init.js``;
* ``style`` attributes become classes or SVG presentation attributes: table column widths
  (``<col class="colwidth-26">``), furo's icon sprite, the general index table;
* graphviz diagrams become ``<img>`` instead of ``<object>`` (CSP ``object-src 'none'``);
* the search page gets its level-one heading (``docs/_templates/search.html``);
* sidebar captions (``<p role="heading">``) get the ``aria-level`` that ARIA requires;
* the two ``<aside>`` landmarks get distinct names;
* code blocks (``<pre>``) that may scroll sideways become focusable, so a keyboard user
  can scroll them;
* furo's table wrapper no longer repeats its table's ``id``;
* every ``<img>`` carries its intrinsic ``width`` and ``height`` (no layout shift) and
  ``loading="lazy"``, so images below the fold cost nothing on the first visit;
* the sidebar lists the modules and the current module's lessons, not all 130 pages
  (``docs/_templates/sidebar/navigation.html``), which halves each page's DOM;
* math SVGs are made byte-for-byte reproducible (dvisvgm's glyph numbering varies by run);
* every page gets a ``<meta name="description">`` (its first paragraph) for search engines.

Every rewrite is a fixed string or a narrow pattern. If the theme changes and a rewrite no
longer applies, the browser tests (CSP, axe, vnu) fail rather than this module guessing.
"""

from __future__ import annotations

import html
import os
import re
import weakref
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.util import logging

from course.svg import svg_size_px

logger = logging.getLogger(__name__)

THEME_CSS = "course-theme.css"

# (pattern, replacement) applied in order to the rendered <body>.
REWRITES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # furo's icon sprite: SVG presentation attributes instead of style attributes
    (re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" style="display: none;">'),
     '<svg xmlns="http://www.w3.org/2000/svg" display="none" aria-hidden="true">'),
    (re.compile(r'style="opacity: 50%"'), 'opacity="0.5"'),
    # landmarks need distinct names (axe: landmark-unique)
    (re.compile(r'<aside class="sidebar-drawer">'), '<aside class="sidebar-drawer" aria-label="Course navigation">'),
    (re.compile(r'<aside class="toc-drawer'), '<aside aria-label="On this page" class="toc-drawer'),
    # role="heading" requires aria-level (ARIA 1.2; vnu and axe: aria-required-attr)
    (re.compile(r'<p class="caption" role="heading">'), '<p class="caption" role="heading" aria-level="2">'),
    # column widths as classes (course-theme.css defines colwidth-0 … colwidth-100)
    (re.compile(r'<col style="width: (\d+)(?:\.\d+)?%" />'), r'<col class="colwidth-\1" />'),
    # the general index
    (re.compile(r'<table style="width: 100%" class="indextable genindextable">'),
     '<table class="indextable genindextable">'),
    (re.compile(r'<td style="width: 33%; vertical-align: top;">'), '<td class="genindex-column">'),
    # image widths (``:width: 60%``) as classes
    (re.compile(r'(<img [^>]*?class=")([^"]*)("[^>]*?) style="width: (\d+)(?:\.\d+)?%;"'), r'\1\2 width-\4\3'),
    # graphviz SVG as an image, not a plugin <object> (CSP object-src 'none'); its text
    # fallback becomes the alt text
    (re.compile(r'<object data="([^"]+\.svg)" type="image/svg\+xml" class="graphviz">'
                r'\s*<p class="warning">(.*?)</p>\s*</object>', re.S),
     lambda m: '<img src="{}" alt="{}" class="graphviz" />'.format(
         m.group(1), " ".join(m.group(2).split()).replace('"', "&quot;"))),
    # scrollable code blocks must take keyboard focus (axe: scrollable-region-focusable)
    (re.compile(r'<pre>'), '<pre tabindex="0">'),
    # furo copies the table's attributes, id included, onto its wrapper: one id, on the table
    (re.compile(r'(<div class="table-wrapper[^"]*") id="[^"]+">'), r"\1>"),
]


IMG = re.compile(r"<img\s([^>]*?)\s*/?>")
ATTR = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


def intrinsic_size(path: Path) -> tuple[int, int] | None:
    """Width and height in CSS pixels of an SVG (from its width/height) or a raster image."""
    if not path.is_file():
        return None
    if path.suffix == ".svg":
        return svg_size_px(path)
    import imagesize

    w, h = imagesize.get(str(path))
    return (w, h) if w > 0 and h > 0 else None


def size_images(html: str, outdir: Path, sources: dict[str, Path] | None = None) -> str:
    """Every <img> gets width, height (no layout shift), loading="lazy" and decoding="async".

    Math images are already in the output folder when a page is written; other images are
    copied there only at the end of the build, so ``sources`` maps an output name under
    ``_images/`` to its source file.
    """

    def fix(match: re.Match[str]) -> str:
        attrs = dict(ATTR.findall(match.group(1)))
        body = match.group(1)
        src = attrs.get("src", "")
        if "width" not in attrs and "height" not in attrs and src and not src.startswith("data:"):
            local = re.sub(r"^(\.\./)+|^\./", "", src.split("?")[0].split("#")[0])
            target = outdir / local
            if not target.exists() and sources and local.startswith("_images/"):
                target = sources.get(local[len("_images/"):], target)
            size = intrinsic_size(target)
            if size:
                body += f' width="{size[0]}" height="{size[1]}"'
        if "loading" not in attrs:
            body += ' loading="lazy"'
        if "decoding" not in attrs:
            body += ' decoding="async"'
        return f"<img {body} />"

    return IMG.sub(fix, html)


def rewrite(html: str, outdir: Path | None = None, sources: dict[str, Path] | None = None) -> str:
    for pattern, replacement in REWRITES:
        html = pattern.sub(replacement, html)
    if outdir is not None:
        html = size_images(html, outdir, sources)
    return html


def _theme_css(furo_css: str) -> str:
    """furo's CSS variables (from its own template) plus the classes the rewrites use."""
    css = re.sub(r"</?style>", "", furo_css).strip()
    widths = "\n".join(f".colwidth-{n}, img.width-{n} {{ width: {n}%; height: auto; }}" for n in range(101))
    return (
        "/* Generated by ext/course_html.py: what furo and Sphinx would write inline. */\n"
        f"{css}\n\n"
        ".genindextable { width: 100%; }\n"
        ".genindex-column { width: 33%; vertical-align: top; }\n"
        f"{widths}\n"
    )


GLYPH_DEF = re.compile(r"<path id='g(\d+)-(\d+)' d='[^']*'/>\n?")
GLYPH_USE = re.compile(r"#g(\d+)-(\d+)'")


def canonical_math_svg(svg: str) -> str:
    """dvisvgm numbers the fonts of a formula (``g3-48`` is glyph 48 of font 3) and orders the
    glyph definitions in an order that can change from one run to the next, so the same
    formula gave different files. Renumber the fonts by their first use in the drawing and
    sort the definitions: the same formula then always gives the same bytes."""
    uses = GLYPH_USE.findall(svg)
    if not uses:
        return svg
    defs = list(GLYPH_DEF.finditer(svg))
    order: dict[str, str] = {}
    for font in [f for f, _ in uses] + [m.group(1) for m in defs]:
        order.setdefault(font, str(len(order)))
    renamed = []
    for m in sorted(defs, key=lambda m: (int(order[m.group(1)]), int(m.group(2)))):
        font, char = m.groups()
        text = m.group(0).replace(f"id='g{font}-{char}'", f"id='g{order[font]}-{char}'")
        renamed.append(text if text.endswith("\n") else text + "\n")
    at = defs[0].start() if defs else 0
    rest = GLYPH_DEF.sub("", svg)
    svg = rest[:at] + "".join(renamed) + rest[at:]
    return GLYPH_USE.sub(lambda m: f"#g{order[m.group(1)]}-{m.group(2)}'", svg)


def _canonical_math(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    for path in (Path(app.outdir) / "_images" / "math").glob("*.svg"):
        text = path.read_text(encoding="utf-8")
        canonical = canonical_math_svg(text)
        if canonical != text:
            path.write_text(canonical, encoding="utf-8")


def _builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html" or not hasattr(app.builder, "templates"):
        return
    env = app.builder.templates.environment
    if app.config.html_theme != "furo" or app.builder.name != "html":
        env.filters["course_html"] = lambda value: value  # the EPUB keeps Sphinx's markup
        return
    outdir = Path(app.outdir)
    builder = app.builder

    def image_sources() -> dict[str, Path]:
        # builder.images: source path (relative to srcdir) -> name under _images/
        return {dest: Path(app.srcdir) / src for src, dest in builder.images.items()}

    env.filters["course_html"] = lambda value: Markup(rewrite(str(value), outdir, image_sources()))


DESCRIPTION_CHARS = 155
FIXED_DESCRIPTIONS = {
    "genindex": "Index of the terms and topics of the Open Audio Production Course.",
    "search": "Search the Open Audio Production Course.",
}


def _cut(text: str) -> str:
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def page_description(doctree, pagename: str, title: str = "") -> str:
    """The page's first paragraph of running text, cut at a word to about 155 characters.

    Prefers a paragraph directly in a section (the page's introduction); then any paragraph;
    then the page title.
    """
    if doctree is None:
        return FIXED_DESCRIPTIONS.get(pagename, "")
    paragraphs = list(doctree.findall(nodes.paragraph))
    for direct in (True, False):
        for para in paragraphs:
            if direct and not isinstance(para.parent, nodes.section):
                continue
            text = " ".join(para.astext().split())
            if len(text) >= 40:
                return _cut(text)
    return f"{title}: from the Open Audio Production Course." if title else ""


def _describe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """A <meta name="description"> on every page (search results; Lighthouse SEO)."""
    if app.builder.name != "html":
        return
    metatags = context.get("metatags", "") or ""
    if 'name="description"' in metatags:
        return
    text = page_description(doctree, pagename, html.unescape(re.sub(r"<[^>]+>", "", context.get("title", ""))))
    if not text:
        logger.warning("no description for page %s: add a `.. meta::` :description:", pagename,
                       location=pagename, type="course", subtype="description")
        return
    context["metatags"] = metatags + f'\n<meta name="description" content="{html.escape(text, quote=True)}">'


def _navigation(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """The sidebar tree, collapsed: the modules, and the lessons of the current module only."""
    if app.builder.name != "html" or "toctree" not in context:
        return
    from furo.navigation import get_navigation_tree

    tree = context["toctree"](collapse=True, titles_only=True, maxdepth=-1, includehidden=True)
    context["course_navigation_tree"] = get_navigation_tree(tree)


BUNDLE = "_static/course-bundle.css"
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def _write_bundle(outdir: Path, css_names: list[str], theme_css: str) -> None:
    parts = []
    for name in css_names:
        text = (outdir / name).read_text(encoding="utf-8")
        parts.append(f"/* {name} */\n" + SOURCE_MAP.sub("", text).strip())
    parts.append(f"/* {THEME_CSS} */\n" + theme_css)
    text = "\n".join(parts) + "\n"
    target = outdir / BUNDLE
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        # Atomically: with -j N another writer process may be reading or writing it too.
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)


def _refresh_bundle(app: Sphinx, exception) -> None:
    """After the static files are copied: a stylesheet edited without any page changing must
    still reach the bundle (the theme variables are kept from the last full render)."""
    target = Path(app.outdir) / BUNDLE
    if exception or app.builder.name != "html" or not target.exists():
        return
    marker = f"/* {THEME_CSS} */\n"
    theme_css = target.read_text(encoding="utf-8").split(marker, 1)[-1][:-1]  # less the final newline
    css = sorted(app.builder._css_files, key=lambda c: c.priority)  # the order pages list them
    _write_bundle(Path(app.outdir), [c.filename.split("?")[0] for c in css], theme_css)


def _bundle(app: Sphinx, context) -> None:
    """One stylesheet instead of nine: the theme's, Sphinx's, the extensions' and the course's
    CSS in their usual order, then furo's variables (``course-theme.css``). A first visit then
    waits for one render-blocking request, not nine. The files are in the output folder by the
    time pages are written; none of them uses ``@import`` or a relative ``url()``."""
    furo_css = app.builder.templates.render("partials/_head_css_variables.html", context)
    names = [css.filename.split("?")[0] for css in context.get("css_files", [])]
    _write_bundle(Path(app.outdir), names, _theme_css(furo_css))


#: The builders (one per build) for which this process has written the bundle.
_BUNDLED: weakref.WeakSet = weakref.WeakSet()


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Link the bundle instead of the separate stylesheets, writing it on the first page.

    Safe for parallel writing: the bundle depends on no page (the same stylesheets and the
    same theme variables for every page), so each writer process that has not written it yet
    writes the same bytes, atomically. Sphinx writes the first page in the main process
    before it starts the writer processes, so in practice they find it written.
    """
    if app.builder.name != "html" or "furo_pygments" not in context:
        return
    if app.builder not in _BUNDLED:
        _bundle(app, context)
        _BUNDLED.add(app.builder)
    from sphinx.builders.html._assets import _CascadingStyleSheet

    context["css_files"] = [_CascadingStyleSheet(BUNDLE, priority=500, rel="stylesheet", type="text/css")]


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _builder_inited)
    # after furo's own html-page-context handler, which adds furo_pygments
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("html-page-context", _describe)
    app.connect("html-page-context", _navigation)
    app.connect("build-finished", _canonical_math)
    app.connect("build-finished", _refresh_bundle)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

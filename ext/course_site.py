"""Site-wide checks and furniture for the course.

* Spelling: sphinxcontrib-spelling only checks text whose parent is one of a few node types
  (paragraph, title, list item...), so words inside emphasis, strong, link text, dropdown
  titles, rubrics, captions of custom nodes and so on are silently skipped. This extension
  replaces that allow-list with a deny-list (code, math, raw markup and the like), so every
  word a reader sees is checked, and it checks image alt text too.
* External links: every external URL must be https and must appear in the reviewed list
  ``docs/links.txt`` (``course_links_file``), the list ``make linkcheck`` checks. Anything
  else is a warning at its file and line, which the build turns into an error.
* Downloads: the PDF and EPUB download paths are passed to the page templates.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Parents whose text is not prose a reader reads as words (code, math, markup).
SKIP_PARENTS = frozenset(
    {
        "literal",
        "literal_block",
        "doctest_block",
        "raw",
        "math",
        "math_block",
        "comment",
        "substitution_definition",
        "target",
        "system_message",
        "problematic",
        "option_string",
        "option_argument",
        "code",
        "desc_name",
        "desc_addname",
        "desc_sig_name",
        "pending_xref_condition",
        "graphviz",
        "download_reference",
    }
)


class _EverythingButCode:
    """A container that 'contains' every node type except SKIP_PARENTS."""

    def __contains__(self, tagname: object) -> bool:
        return tagname not in SKIP_PARENTS


def _fill_missing_lines(doctree: nodes.document) -> None:
    """Give nodes made by transforms (dropdown titles, for one) a source line: their nearest
    ancestor's, or else the line of the node before them, so every misspelling is reported
    at a file and line."""
    last_line, last_source = None, None
    for node in doctree.findall(nodes.Element):
        if not node.line:
            parent = node.parent
            while parent is not None and not parent.line:
                parent = parent.parent
            if parent is not None:
                node.line, node.source = parent.line, node.source or parent.source
            elif last_line is not None:
                node.line, node.source = last_line, node.source or last_source
        if node.line:
            last_line, last_source = node.line, node.source or last_source


def _spelling_builder() -> type | None:
    """The course's spelling builder: sphinxcontrib-spelling's, checking every text node
    (generated ones included) and image alt text; None without sphinxcontrib-spelling."""
    try:
        from sphinxcontrib.spelling.builder import SpellingBuilder
    except ImportError:  # pragma: no cover - spelling is in requirements.txt
        return None

    class CourseSpellingBuilder(SpellingBuilder):
        """Checks every word a reader sees: all text except code, math and markup, and the
        alt text of images (read aloud by screen readers)."""

        TEXT_NODES = _EverythingButCode()

        def _find_misspellings(self, docname, doctree):
            _fill_missing_lines(doctree)
            yield from super()._find_misspellings(docname, doctree)
            for image in list(doctree.findall(nodes.image)):
                alt = image.get("alt")
                if not alt:
                    continue
                probe = nodes.paragraph(alt, alt)
                probe.source, probe.line = image.source, image.line
                holder = nodes.section()
                holder.document = doctree
                holder += probe
                yield from super()._find_misspellings(docname, holder)

    return CourseSpellingBuilder


def _register_spelling_builder(app: Sphinx, config) -> None:
    """Replace the ``spelling`` builder when sphinxcontrib.spelling is loaded (whatever the
    order of the extensions in conf.py: this runs once they are all set up)."""
    if "sphinxcontrib.spelling" not in app.extensions:
        return
    builder = _spelling_builder()
    if builder is not None:
        app.add_builder(builder, override=True)


def _read_links(app: Sphinx) -> set[str]:
    path = Path(app.srcdir, app.config.course_links_file)
    if not path.exists():
        return set()
    links = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line:
            links.add(line.split()[0])
    return links


def _check_external_links(app: Sphinx, doctree: nodes.document) -> None:
    if not app.config.course_links_file:
        return
    reviewed = getattr(app, "_course_links", None)
    if reviewed is None:
        reviewed = app._course_links = _read_links(app)
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if "://" not in uri and not uri.startswith("mailto:"):
            continue
        location = ref if ref.line else ref.parent
        if not uri.startswith("https://"):
            logger.warning("external link is not https: %s", uri, location=location,
                           type="course", subtype="link")
        elif uri not in reviewed:
            logger.warning("external link %s is not in the reviewed list docs/%s", uri,
                           app.config.course_links_file, location=location,
                           type="course", subtype="link")


def _page_context(app, pagename, templatename, context, doctree):
    context["course_downloads"] = app.config.course_downloads


def setup(app: Sphinx) -> dict:
    app.add_config_value("course_links_file", "links.txt", "env", types=[str])
    app.add_config_value("course_downloads", {}, "html", types=[dict])
    app.connect("config-inited", _register_spelling_builder)
    app.connect("doctree-read", _check_external_links)
    app.connect("html-page-context", _page_context)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

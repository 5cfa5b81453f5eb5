"""The course as a book: one numbering in the site, the PDF and the EPUB; the PDF's title
page, colophon, running heads and index; an EPUB that passes EPUBCheck.

:mod:`book.structure`
    Read transform: a toctree that ends a subsection moves to the page level, so lessons are
    sections of their module's chapter, never subsections of "Time estimate".
:mod:`book.numbering`
    ``env-get-updated``: lesson N.k, figure and table N.k, from
    :func:`course.modules.number_items` (the function that numbers questions and audio).
:mod:`book.latex`
    LaTeX post-transform (chapter N = module N, counters set to the site's numbers), the
    preamble and the title page with its colophon.
:mod:`book.edition`, :mod:`book.colophon`
    The edition data (release, commit, date, URL, citation) and ``.. book-colophon::``.
:mod:`book.epub`
    The EPUB's fixes and its accessibility metadata.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from book import colophon, epub, latex, numbering, structure
from book.edition import edition
from course import errors

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _config_inited(app: Sphinx, config: Config) -> None:
    config.book_repository = config.book_repository or str(app.confdir)
    elements = config.latex_elements
    elements["preamble"] = elements.get("preamble", "") + latex.PREAMBLE
    elements["maketitle"] = latex.maketitle(edition(config, Path(config.book_repository)))


def _summary(found: list) -> str:
    return f"{len(found)} toctree(s) would nest pages under a subsection; see the errors above"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("course")
    # where git finds the commit the book is built from (default: the configuration folder)
    app.add_config_value("book_repository", "", "", types=frozenset({str}))
    app.add_transform(structure.TocTreeAtPageLevel)
    app.connect("env-get-updated", numbering.restore_sphinx_numbers, priority=100)
    app.connect("env-get-updated", numbering.assign, priority=900)
    app.add_post_transform(latex.BookStructure)
    app.add_directive("book-colophon", colophon.ColophonDirective)
    app.connect("config-inited", _config_inited)
    epub.setup(app)
    errors.add_summary(app, structure.CATEGORY, _summary)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

"""The learner's offline course: the site as one ZIP, search snippets from disk, glossary
definitions in place, and the landing page's module cards and downloads.

:mod:`offline.sitezip`
    ``downloads/<name>-site.zip`` (``course_downloads["site"]``) at ``build-finished``, after
    every other step that writes into the HTML output; its size on the pages that link it.
:mod:`offline.searchtext`
    ``_searchtext/<docname>.js``: each page's text, for search snippets on ``file://``
    (``ext/static/offline-search.js`` on the search page).
:mod:`offline.glossary`
    The glossary's definitions (read time) and each page's JSON data block of the terms it
    links (``ext/static/glossary-preview.js``).
:mod:`offline.cards`
    ``.. module-cards::``: module cards whose title and study time come from the modules.
:mod:`offline.downloads`
    ``.. course-downloads::``: the PDF, the EPUB and the offline site, with its size.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from course.assets import add_page_js, add_static_files
from offline import cards, downloads, glossary, searchtext, sitezip

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The script that answers Sphinx's snippet fetches from disk (search page only).
SEARCH_JS = "offline-search.js"


def _search_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name == "html" and pagename == "search":
        add_page_js(app, [SEARCH_JS])


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Search texts, then the ZIP (which contains them)."""
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    suffix = app.builder.out_suffix
    pages = {doc: outdir / f"{doc}{suffix}" for doc in app.env.found_docs
             if (outdir / f"{doc}{suffix}").is_file()}
    searchtext.write_all(outdir, pages)
    sitezip.build_finished(app, exception)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("course")
    app.setup_extension("sphinx_design")
    add_static_files(app, css=["offline.css"])
    glossary.setup(app)
    cards.setup(app)
    downloads.setup(app)
    app.connect("html-page-context", _search_page)
    # after the instructor pack (lms, 500), the stylesheet bundle and math SVGs (course_html,
    # 500): everything that writes into the output is done by then
    app.connect("build-finished", _build_finished, priority=900)
    return {"version": "1.0", "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}

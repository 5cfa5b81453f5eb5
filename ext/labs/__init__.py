"""Live labs: ``.. lab:: <kind>``, a small interactive tool inside a lesson.

The syntax is in CONTRIBUTING.md ("Labs"); the contract of a lab kind (its Python module in
``labs/kinds/`` and its script ``ext/static/labs/<kind>.js``) is in ext/README.md. One
module per phase of the build:

``spec``             a kind's parameters (name, label, unit, min, max, step, default): the one
                     source of the defaults; pure, unit-tested without Sphinx
``kinds``            one module per lab kind: parameters, Python reference, print figure
``nodes``            the doctree nodes
``directives``       reading: check the input, render the figure, record the lab, nest the
                     build-time ``audio-example`` for the default settings
``collector``        the records in the environment (purge, parallel merge, stale documents)
``post_transforms``  HTML keeps the lab; every other output gets the print rendering
``html``, ``latex``  the HTML root element; the print rendering

The audio of the default settings is an ordinary audio example (``ext/audio/``: rendered in
worker processes into the shared audio cache); the figure is cached like course figures.
Pages with a lab load ``course-audio.js``, ``course-labs.js`` and ``labs/<kind>.js``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from course import errors
from course.assets import add_page_js, add_static_files
from course.cache import cache_root
from course.tracebacks import exception_text
from labs import html
from labs.collector import LabCollector, kinds_on_page, lab_data
from labs.directives import LabDirective
from labs.nodes import lab, lab_fallback, lab_question
from labs.post_transforms import LabHtmlImageSize, LabPrint

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

ENV_VERSION = 1
KINDS_DIR = Path(__file__).resolve().parent / "kinds"


def page_scripts(kinds: list[str]) -> list[str]:
    """The scripts a page with labs of ``kinds`` loads, in order."""
    return ["course-audio.js", "course-labs.js", *(f"labs/{kind}.js" for kind in kinds)]


def _builder_inited(app: Sphinx) -> None:
    data = lab_data(app.env)
    app.env.lab_figure_cache = str(cache_root(app, "figure_cache_dir", ".figure-cache"))
    try:
        import soundlib
        from soundlib.recipes import hash_sources

        # the kinds draw with soundlib and, some of them, with the course's figure modules
        data.source_hash = hash_sources(KINDS_DIR, Path(soundlib.__file__).parent,
                                        KINDS_DIR.parents[2] / "figures")
    except Exception as exc:  # reported by each directive
        data.source_hash = None
        logger.warning("cannot hash the lab kinds: %s", exception_text(exc))


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict,
                  doctree: Any) -> None:
    if app.builder.name not in ("html", "dirhtml", "singlehtml"):
        return
    kinds = kinds_on_page(app.env, pagename, whole_site=app.builder.name == "singlehtml")
    if kinds and doctree is not None:
        add_page_js(app, page_scripts(kinds))


def _summary(found: list) -> str:
    total = len(found)
    return (f"{total} lab error{'s' if total != 1 else ''} (see the messages above); the "
            "output is incomplete")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("course")
    app.setup_extension("audio")
    for node in (lab, lab_question, lab_fallback):
        # Only the HTML site writes these; LabPrint replaces them for every other output.
        app.add_node(node, html=html.VISITORS[node.__name__])
    app.add_directive("lab", LabDirective)
    app.add_env_collector(LabCollector)
    app.add_post_transform(LabPrint)
    app.add_post_transform(LabHtmlImageSize)
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
    errors.add_summary(app, "lab", _summary)
    add_static_files(app, css=["labs.css"])
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": ENV_VERSION}

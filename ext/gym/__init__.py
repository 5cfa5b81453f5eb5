"""The listening gym: ``.. drill:: <kind>`` and ``.. drill-index::``.

One module per build phase, like :mod:`quiz` and :mod:`audio`:

:mod:`gym.spec`
    The kinds, their options and checks, the JavaScript files per family (pure data).
:mod:`gym.nodes`
    The doctree nodes.
:mod:`gym.directives`
    Reading: check the input (errors at file and line fail the build), record the drill.
:mod:`gym.collector`
    The ``gym`` domain: drills per page (parallel-safe), site-wide checks in ``env-updated``.
:mod:`gym.post_transforms`
    Writing: HTML keeps the drill for the runner; every other output gets plain text with
    the lesson link and the online address; the index is filled by module.
:mod:`gym.html`
    The HTML visitor (the ``data-drill`` contract).
:mod:`gym.clips`, :mod:`gym.clip_build`
    The compression, reverb and distortion clips (recipes, catalog), rendered into the audio
    cache at build time, and the clips and audio pairs put into the drills' configs.
:mod:`gym.music`
    The EQ band drill's music (drums, bass, pad, mix) as data scripts in ``_static/gym/music/``.

The browser side is ``ext/static/gym/``: ``course-gym.js`` (the runner), ``gym-record.js``
(the progress record's validator) and one file per drill family, loaded only on pages with
such a drill (:func:`page_context`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from course import errors
from course.assets import STATIC_DIR, add_page_js, add_static_files
from gym import clip_build, collector, directives, html, spec
from gym.post_transforms import TRANSFORMS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup"]


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict,
                 doctree: Any) -> None:
    """Load the gym's JavaScript on pages with drills or the drill index only."""
    if app.builder.format != "html" or app.builder.name not in ("html", "dirhtml",
                                                                 "singlehtml"):
        return
    domain = collector.gym_domain(app.env)
    families = domain.families(pagename)
    if families:
        names = spec.page_js(families)
        missing = [n for n in names if not (STATIC_DIR / n).is_file()]
        if missing:
            # written by another part of the project later; never link a missing file
            names = [n for n in names if n not in missing]
        add_page_js(app, names)
    elif pagename in domain.indexes:
        add_page_js(app, spec.INDEX_JS)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("course")
    for node, visitors in html.VISITORS.items():
        app.add_node(node, html=visitors)
    app.add_directive("drill", directives.DrillDirective)
    app.add_directive("drill-index", directives.DrillIndexDirective)
    app.add_domain(collector.GymDomain)
    for transform in TRANSFORMS:
        app.add_post_transform(transform)
    add_static_files(app, css=["gym/gym.css"])
    app.connect("env-updated", collector.env_updated)
    app.connect("html-page-context", page_context)
    clip_build.setup(app)
    errors.add_summary(app, collector.CATEGORY, collector.error_summary)
    return {
        "version": "1.0",
        "env_version": collector.DATA_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

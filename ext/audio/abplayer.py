"""The synchronized A/B player on every ``audio-pair`` (``ext/static/course-ab.js``).

The HTML writer (``audio.html``) gives each pair's root ``data-ab``; this module loads the
player's script, with the shared audio module it uses (``course-audio.js``), on the HTML
pages that have a pair and on no other page. Its stylesheet (``course-ab.css``) goes into the
course's one bundled stylesheet. Without JavaScript the two ``<audio>`` players stay as they
are; the EPUB and the PDF get them only (the script is never added there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from audio.nodes import audio_pair
from course.assets import add_page_js, add_static_files

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The scripts of a page with a pair, in load order (the player needs window.CourseAudio).
SCRIPTS = ("course-audio.js", "course-ab.js")
STYLESHEET = "course-ab.css"


def has_pair(doctree: Any) -> bool:
    """True if the (resolved) doctree of a page holds an ``audio_pair``."""
    return doctree is not None and next(iter(doctree.findall(audio_pair)), None) is not None


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict,
                  doctree: Any) -> None:
    if app.builder.format != "html" or app.builder.name.startswith("epub"):
        return
    if has_pair(doctree):
        add_page_js(app, SCRIPTS)


def setup(app: Sphinx) -> None:
    """Called by ``audio.setup``."""
    add_static_files(app, css=[STYLESHEET])
    app.connect("html-page-context", _page_context)

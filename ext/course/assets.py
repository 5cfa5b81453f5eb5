"""Static files of the course extensions (``ext/static/``: quiz.js, quiz.css, audio.css, ...).

:func:`add_static_files` adds CSS and JavaScript files to every HTML page, :func:`add_page_js`
JavaScript to one page (from ``html-page-context``); :func:`setup`
(called by :func:`course.setup`) puts ``ext/static/`` on ``html_static_path`` once, so Sphinx
copies the files into ``_static/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The folder of the extensions' CSS and JavaScript.
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def add_static_files(app: Sphinx, *, css: Iterable[str] = (), js: Iterable[str] = ()) -> None:
    """Link *css* and load *js* (deferred) on every HTML page; the files are in
    :data:`STATIC_DIR`. Call from an extension's ``setup``; the order of the calls is the
    order of the files on the page."""
    app.setup_extension("course")
    for name in js:
        app.add_js_file(name, loading_method="defer")
    for name in css:
        app.add_css_file(name)


def add_page_js(app: Sphinx, names: Iterable[str]) -> None:
    """Load *js* (deferred, in this order) on the page being written only. Call from an
    ``html-page-context`` handler for pages that need the files (a drill, a lab, an A/B
    player), so that other pages do not download them. A file already on the page (added by
    an earlier call for the same page) is not added twice."""
    for name in names:
        app.add_js_file(name, loading_method="defer")


def _config_inited(app: Sphinx, config: Config) -> None:
    static = str(STATIC_DIR)
    if static not in [str(p) for p in config.html_static_path]:
        config.html_static_path = [*config.html_static_path, static]


def setup(app: Sphinx) -> Any:
    """Called by :func:`course.setup`."""
    app.connect("config-inited", _config_inited)

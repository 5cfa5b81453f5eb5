"""Course-wide plumbing shared by the course's Sphinx extensions (quiz, audio, course_figure).

This is a plain package of small helpers plus one tiny Sphinx extension (:func:`setup`, loaded
with ``app.setup_extension("course")`` by every extension that uses :mod:`course.errors` or
:mod:`course.assets`). Nothing here knows about quizzes or audio.

Modules
-------

:mod:`course.order`
    The reading order of the documents (a pre-order walk of the toctrees from the root
    document): :func:`~course.order.doc_order`, :func:`~course.order.doc_key`.
:mod:`course.modules`
    The module folders ``modules/NN-slug/`` and per-module numbering ("6.1", "6.2", ... within a
    module; "1", "2", ... within any other document): :data:`~course.modules.MODULE_RE`,
    :func:`~course.modules.module_number`, :func:`~course.modules.numbering_group`,
    :func:`~course.modules.group_prefix`, :func:`~course.modules.number_items`.
:mod:`course.errors`
    One way to report bad input: an ERROR at the file and line (warning type ``course``,
    subtype the category, such as ``quiz``), the document read again by the next build until
    the error is fixed, and a one-line summary with exit status 1 at the end of the build:
    :func:`~course.errors.record`, :func:`~course.errors.record_late`,
    :func:`~course.errors.clear_late`, :func:`~course.errors.errors`,
    :func:`~course.errors.add_summary`, :func:`~course.errors.location`.
:mod:`course.assets`
    ``ext/static/`` on the HTML static path, and the extensions' CSS and JavaScript files:
    :data:`~course.assets.STATIC_DIR`, :func:`~course.assets.add_static_files`.

Added by the audio extension's refactor:

:mod:`course.player`
    The ``<audio controls preload="none">`` player markup, one implementation for the audio
    examples and the listening questions: :func:`~course.player.player_html`,
    :func:`~course.player.mime_type`, :data:`~course.player.AUDIO_MIME_TYPES`.
:mod:`course.urls`
    Where an output file is: relative to a page (:func:`~course.urls.page_relative_url`) or
    online, from ``html_baseurl``, for the LaTeX and text outputs
    (:func:`~course.urls.online_url`).
:mod:`course.svg`
    The width and height of an SVG in CSS pixels, for ``<img width height>``:
    :func:`~course.svg.svg_size_px`.
:mod:`course.cache`
    The caches of rendered media (audio, plots, figures): :func:`~course.cache.cache_root`,
    :func:`~course.cache.cache_key` (SHA-256 of :func:`~course.cache.canonical_json`),
    :func:`~course.cache.atomic_write_bytes`,
    :func:`~course.cache.save_figure_deterministic`.
:mod:`course.tracebacks`
    An exception raised by an author's code in one line, with where it was raised:
    :func:`~course.tracebacks.exception_text`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the shared error store and the static folder (safe to load more than once:
    Sphinx sets an extension up only once per application)."""
    from course import assets, errors

    errors.setup(app)
    assets.setup(app)
    return {"version": "1.0", "env_version": errors.ENV_VERSION,
            "parallel_read_safe": True, "parallel_write_safe": True}

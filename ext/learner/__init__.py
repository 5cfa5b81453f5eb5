"""The learner's course: progress across the modules, spaced review, lessons marked as done.

Everything the learner does is kept in this browser only, in the shared record
(``ext/static/course-store.js``); nothing is sent anywhere. This extension only writes the
HTML and loads the scripts where they are needed:

:mod:`learner.course_map`
    What a lesson is, and the course map (modules, lessons, question ids) for the progress page.
:mod:`learner.progress`
    ``.. course-progress::``: the progress page's root (``data-progress``) and its map.
:mod:`learner.pages`
    Per page: the "Mark as done" place at the end of each lesson, and the page's scripts.

The scripts (``ext/static/``): ``learner-record.js`` (the areas "quiz", "lessons" and
"review", the button, the sidebar ticks), ``course-review.js`` (the 1-3-7-day schedule),
``course-progress.js`` (the progress page); ``quiz.js`` records answers through them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from course.assets import add_static_files
from learner import pages, progress

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("course")
    app.setup_extension("quiz")
    app.add_node(progress.progress_page, html=(progress.visit_html, progress.depart))
    app.add_directive("course-progress", progress.ProgressDirective)
    app.add_post_transform(progress.ProgressFallback)
    add_static_files(app, css=["learner.css"])
    app.connect("html-page-context", pages.page_context)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

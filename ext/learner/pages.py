"""Per page (``html-page-context``): the scripts the page needs, and the "Mark as done" place.

* every page of a module folder (its sidebar lists the module's lessons, with ticks):
  ``course-store.js`` and ``learner-record.js``;
* a page with quiz questions: also ``course-review.js`` (an answer updates the review queue);
* a lesson (:func:`learner.course_map.lessons`): also an empty, hidden
  ``<div class="learner-done" data-docname="...">`` at the end of the lesson, which
  learner-record.js fills with the button (without JavaScript there is nothing to press);
* the progress page (``data-progress`` in its body): also ``course-progress.js``, and the
  gym's ``gym/gym-record.js`` when that file exists in ``ext/static/``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from course.assets import STATIC_DIR, add_page_js
from learner.course_map import lessons
from learner.progress import HTML_BUILDERS

STORE = ["course-store.js"]
RECORD = ["learner-record.js"]
REVIEW = ["course-review.js"]
PROGRESS = ["course-progress.js"]
GYM_RECORD = "gym/gym-record.js"


def done_box(docname: str) -> str:
    return (f'<div class="learner-done" data-docname="{escape(docname, quote=True)}" '
            'hidden=""></div>\n')


def scripts_for(docname: str, *, has_quiz: bool, is_progress: bool, gym: bool) -> list[str]:
    """The learner's scripts for a page, in loading order (none: an empty list)."""
    if not (is_progress or has_quiz or docname.startswith("modules/")):
        return []
    names = list(STORE)
    if has_quiz or is_progress:
        names += REVIEW
    if is_progress and gym:
        names.append(GYM_RECORD)
    names += RECORD
    if is_progress:
        names += PROGRESS
    return names


def page_context(app: Any, pagename: str, templatename: str, context: dict,
                 doctree: Any) -> None:
    if app.builder.name not in HTML_BUILDERS or doctree is None:
        return
    env = app.builder.env
    body = context.get("body", "")
    is_lesson = pagename in lessons(env)
    names = scripts_for(
        pagename,
        has_quiz=bool(env.domains["quiz"].questions.get(pagename)),
        is_progress="data-progress=" in body,
        gym=(STATIC_DIR / GYM_RECORD).exists())
    if not names:
        return
    add_page_js(app, names)
    if is_lesson:
        context["body"] = body + done_box(pagename)

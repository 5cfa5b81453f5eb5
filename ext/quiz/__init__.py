"""Quizzes: ``.. quiz::``, ``.. question::``, ``.. explanation::``, ``.. model-answer::`` and
``.. quiz-answer-key::``.

The authoring syntax is documented in CONTRIBUTING.md ("Quizzes") and, with live examples, in
``docs/authoring/quizzes.rst``. One module per build phase:

:mod:`quiz.spec`
    The rules of a question, as pure data (unit-tested without Sphinx).
:mod:`quiz.nodes`
    The doctree nodes.
:mod:`quiz.directives`
    Reading: the directives build the nodes; malformed questions are reported at their file
    and line (:mod:`course.errors`) and the build fails at its end.
:mod:`quiz.collector`
    The environment's records (the ``quiz`` domain), numbered after reading in the order of
    the root toctree: within their module (``modules/NN-slug/...`` → "N.k") or, outside
    ``modules/``, within their document; duplicate ids and unknown audio examples are
    reported there, over the merged records.
:mod:`quiz.post_transforms`
    Writing: per output (HTML, EPUB, LaTeX, any other builder), number the questions, place
    the answers and fill the answer keys.
:mod:`quiz.html`, :mod:`quiz.latex`
    The visitors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from course import errors
from course.assets import add_static_files
from quiz import collector, directives, html, latex
from quiz.post_transforms import TRANSFORMS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_design")
    app.setup_extension("course")
    for node, html_visitors in html.VISITORS.items():
        app.add_node(node, html=html_visitors, latex=latex.VISITORS[node])
    app.add_directive("quiz", directives.QuizDirective)
    app.add_directive("question", directives.QuestionDirective)
    app.add_directive("explanation", directives.ExplanationDirective)
    app.add_directive("model-answer", directives.ModelAnswerDirective)
    app.add_directive("quiz-answer-key", directives.QuizAnswerKeyDirective)
    app.add_domain(collector.QuizDomain)
    for transform in TRANSFORMS:
        app.add_post_transform(transform)
    add_static_files(app, js=["quiz.js"], css=["quiz.css"])
    app.connect("env-get-outdated", collector.get_outdated)
    app.connect("env-updated", collector.env_updated)
    errors.add_summary(app, collector.CATEGORY, collector.error_summary)
    return {
        "version": "2.0",
        "env_version": collector.DATA_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

"""The doctree nodes of the gym: a drill and the gym's index of drills.

HTML builders write them with :mod:`gym.html`; every other builder (EPUB, LaTeX, text,
spelling) gets ordinary docutils nodes from :mod:`gym.post_transforms`, so there are no LaTeX
visitors.
"""

from __future__ import annotations

from docutils import nodes


class drill(nodes.General, nodes.Element):  # noqa: N801
    """``.. drill:: <kind>``. Attributes: ``kind``, ``config`` (dict, the JSON the browser
    reads), ``lesson``, ``title``, ``anchor``. Children: the body (what it trains, how to
    practice it in any DAW), later the back link to the lesson."""


class drill_index(nodes.General, nodes.Element):  # noqa: N801
    """``.. drill-index::``: filled when writing with every drill, by module."""

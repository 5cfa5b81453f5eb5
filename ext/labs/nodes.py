"""The doctree nodes of the labs extension.

A ``lab`` carries ``kind``, ``ident`` (the lab's ``:id:``, also the id of its audio example),
``docname``,
``title`` and ``params_json`` (the ``data-lab-params`` attribute). Its children are a
``lab_question`` (the "predict first" question: the directive's body) and a ``lab_fallback``
(the build-time audio example and figure for the default settings: what a page read without
JavaScript, and the print editions, show). ``labs.post_transforms`` keeps the node for the
HTML site and turns it into plain nodes for every other output.
"""

from __future__ import annotations

from docutils import nodes


class lab(nodes.General, nodes.Element):  # noqa: N801 (docutils node names)
    """One lab: a ``lab_question`` and a ``lab_fallback``."""


class lab_question(nodes.General, nodes.Element):  # noqa: N801
    """The question to predict before listening (the directive's body)."""


class lab_fallback(nodes.General, nodes.Element):  # noqa: N801
    """The default setting rendered at build time: an audio example and a figure."""

"""The doctree nodes of the quiz extension.

Directives (:mod:`quiz.directives`) make them, post-transforms (:mod:`quiz.post_transforms`)
finish them for the builder, and the visitors in :mod:`quiz.html` and :mod:`quiz.latex` write
them. Every other builder gets ordinary docutils nodes instead (:func:`quiz.post_transforms.
to_generic`), so no text, man or texinfo visitors are needed.
"""

from __future__ import annotations

from docutils import nodes


class QuizNode:
    """Marker base of every node of this extension."""


class quiz(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """A quiz: an optional title and questions. ``quiz_id``, ``interactive`` (HTML only)."""


class quiz_title(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """The quiz title; holds one paragraph (so that the spelling checker sees it)."""


class quiz_question(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """A question. Attributes: qid, qtype, docname, index, correct, answer, unit, ..."""


class quiz_question_title(QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """The generated heading "Question 6.3" (filled in when writing)."""


class quiz_prompt(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """The question's prompt: ordinary body elements."""


class quiz_audio(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """A player for an audio example (``audio``: its id)."""


class quiz_options(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """The option list, lettered A, B, C, ..."""


class quiz_option(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """One option (``letter``, ``correct``); holds the list item's body elements."""


class quiz_hint(QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """Generated: what form of answer a numeric question expects."""


class quiz_answer(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """The answer: a statement, the model answer (short questions) and the explanation."""


class quiz_answer_statement(QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """Generated: "Correct answer: B (100 Hz)"."""


class quiz_model_answer(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """``.. model-answer::`` content."""


class quiz_explanation(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """``.. explanation::`` content."""


class quiz_answer_link(QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """Where the answer went (LaTeX: "Answer: page N"; EPUB: a link to the key)."""


class quiz_answer_key(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """``.. quiz-answer-key::``: filled with :class:`quiz_key_entry` nodes when writing."""


class quiz_key_entry(QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """One answer in the key (``qid``, ``number``, ``docname``)."""


class quiz_key_title(QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """Generated: "Question 6.3", linking back to the question."""


def child(node: nodes.Element, cls: type) -> nodes.Element | None:
    """The first direct child of *node* of class *cls*, or None."""
    for item in node.children:
        if isinstance(item, cls):
            return item
    return None


def take_children(node: nodes.Element) -> list[nodes.Node]:
    """Remove and return the children of *node*."""
    children = list(node.children)
    node.children = []
    for item in children:
        item.parent = None
    return children

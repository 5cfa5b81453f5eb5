"""Quizzes: ``.. quiz::``, ``.. question::``, ``.. explanation::``, ``.. model-answer::`` and
``.. quiz-answer-key::``.

The authoring syntax is documented in CONTRIBUTING.md ("Quizzes") and, with live examples, in
``docs/authoring/quizzes.rst``.

How it works
------------

Reading
    ``.. question::`` nested-parses its content into a :class:`quiz_question` node and takes it
    apart: the last top-level bullet list is the option list (``- [x] right`` / ``- [ ] wrong`` /
    ``- wrong``), ``.. explanation::`` and ``.. model-answer::`` are the answer, and everything
    else is the prompt. Malformed questions are reported as ``file:line: ERROR: ...`` and
    replaced by the error message; ``build-finished`` then fails the build.
    ``doctree-read`` stores one record per question in ``env.quiz_questions``.

After reading (``env-updated``)
    Questions are numbered in the order of the root toctree: within their module
    (``modules/NN-slug/...`` → "N.k") or, outside ``modules/``, within their document.
    Duplicate ids and unknown audio examples are reported here.

Writing (post-transform, priority 5: before references are resolved)
    HTML: the answer goes into a closed sphinx-design dropdown below the question, and the
    answer key lists copies of every answer of the module. LaTeX: the answers move into the
    module's answer key (the builder's one big doctree), each question ends with "Answer: page
    N". EPUB: the question links to its answer in the answer key page. Other builders (text,
    man, texinfo, spelling, ...) get ordinary docutils nodes.

Environment data other extensions may read
------------------------------------------

``env.quiz_questions``: ``{docname: [record, ...]}`` in document order, where a record is a dict
with ``id``, ``docname``, ``line``, ``type``, ``quiz`` (quiz id), ``prompt`` (plain text),
``options`` (plain texts), ``correct`` (letters), ``answer``, ``unit``, ``tolerance``, ``audio``
and ``answer_node`` (a :class:`quiz_answer` node: statement, model answer, explanation).
``env.quiz_numbers``: ``{docname: ["6.1", "6.2", ...]}`` parallel to ``env.quiz_questions``.
``env.quiz_groups``: ``{group: [(docname, index), ...]}`` in numbering order, where a group is
``modules/NN-slug`` or, outside modules, the docname. ``env.quiz_key_docs``: ``{group: docname}``
of the page holding the group's ``.. quiz-answer-key::``. Use :func:`find_question` to look a
question up by id.
"""

from __future__ import annotations

import math
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["find_question", "question_group", "quiz_error_count", "setup"]

logger = logging.getLogger(__name__)

#: Bump when the stored environment data changes shape.
ENV_VERSION = 1

STATIC_DIR = Path(__file__).resolve().parent / "static"

TYPES = ("single", "multiple", "true-false", "numeric", "short", "listening")
CHOICE_TYPES = ("single", "multiple", "listening")
ONE_ANSWER_TYPES = ("single", "listening")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

ID_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$")
MARKER_RE = re.compile(r"^\[([ xX])\]\s*")
MODULE_RE = re.compile(r"^(modules/(\d+)[^/]*)/")
NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


# --------------------------------------------------------------------------------------------
# Nodes
# --------------------------------------------------------------------------------------------


class _QuizNode:
    """Marker base of every node of this extension."""


class quiz(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """A quiz: an optional title and questions. ``quiz_id``, ``interactive`` (HTML only)."""


class quiz_title(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """The quiz title; holds one paragraph (so that the spelling checker sees it)."""


class quiz_question(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """A question. Attributes: qid, qtype, docname, index, correct, answer, unit, ..."""


class quiz_question_title(_QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """The generated heading "Question 6.3" (filled in when writing)."""


class quiz_prompt(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """The question's prompt: ordinary body elements."""


class quiz_audio(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """A player for an audio example (``audio``: its id)."""


class quiz_options(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """The option list, lettered A, B, C, ..."""


class quiz_option(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """One option (``letter``, ``correct``); holds the list item's body elements."""


class quiz_hint(_QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """Generated: what form of answer a numeric question expects."""


class quiz_answer(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """The answer: a statement, the model answer (short questions) and the explanation."""


class quiz_answer_statement(_QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """Generated: "Correct answer: B (100 Hz)"."""


class quiz_model_answer(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """``.. model-answer::`` content."""


class quiz_explanation(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """``.. explanation::`` content."""


class quiz_answer_link(_QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """Where the answer went (LaTeX: "Answer: page N"; EPUB: a link to the key)."""


class quiz_answer_key(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """``.. quiz-answer-key::``: filled with :class:`quiz_key_entry` nodes when writing."""


class quiz_key_entry(_QuizNode, nodes.General, nodes.Element):  # noqa: N801
    """One answer in the key (``qid``, ``number``, ``docname``)."""


class quiz_key_title(_QuizNode, nodes.General, nodes.TextElement):  # noqa: N801
    """Generated: "Question 6.3", linking back to the question."""


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def question_group(docname: str) -> str:
    """The numbering group of a document: ``modules/NN-slug`` or the docname itself."""
    m = MODULE_RE.match(docname)
    return m.group(1) if m else docname


def _group_prefix(group: str) -> str:
    m = MODULE_RE.match(group + "/")
    return f"{int(m.group(2))}." if m else ""


def find_question(env: BuildEnvironment, qid: str) -> dict[str, Any] | None:
    """The stored record of the question with this id, or None."""
    for records in getattr(env, "quiz_questions", {}).values():
        for record in records:
            if record["id"] == qid:
                return record
    return None


def _parse_number(text: str) -> float | None:
    text = text.strip().replace("\u2212", "-")
    if not NUMBER_RE.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _display_number(text: str) -> str:
    """As written, with the real minus sign."""
    text = text.strip()
    return "\u2212" + text[1:] if text.startswith("-") else text


def _latex_label(prefix: str, qid: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.-]", lambda m: f"-{ord(m.group()):x}-", qid)
    return rf"\detokenize{{{prefix}:{safe}}}"


def _child(node: nodes.Element, cls: type) -> nodes.Element | None:
    for child in node.children:
        if isinstance(child, cls):
            return child
    return None


def _take_children(node: nodes.Element) -> list[nodes.Node]:
    children = list(node.children)
    node.children = []
    for child in children:
        child.parent = None
    return children


def _ensure_env(env: BuildEnvironment) -> None:
    for name in ("quiz_questions", "quiz_keys", "quiz_errors", "quiz_numbers", "quiz_groups",
                 "quiz_key_docs"):
        if not hasattr(env, name):
            setattr(env, name, {})
    if not hasattr(env, "quiz_late_errors"):
        env.quiz_late_errors = []


def _record_error(env: BuildEnvironment, docname: str, line: int | None, message: str) -> None:
    _ensure_env(env)
    env.quiz_errors.setdefault(docname, []).append((line, message))


# --------------------------------------------------------------------------------------------
# Directives
# --------------------------------------------------------------------------------------------


class _QuizDirective(SphinxDirective):
    def quiz_error(self, message: str, line: int | None = None) -> nodes.system_message:
        """Report an error at file:line, remember it for build-finished, return the message."""
        line = line or self.lineno
        _record_error(self.env, self.env.docname, line, message)
        return self.state.document.reporter.error(message, line=line)


class QuizDirective(_QuizDirective):
    """``.. quiz:: [title]``: a group of questions with a shared score."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {
        "id": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        node = quiz("", classes=self.options.get("class", []))
        self.set_source_info(node)
        messages: list[nodes.Node] = []
        title = self.arguments[0].strip() if self.arguments else ""
        quiz_id = (self.options.get("id") or "").strip()
        if "id" in self.options and not ID_RE.match(quiz_id):
            messages.append(self.quiz_error(
                f"quiz :id: {quiz_id!r} is not valid: use letters, digits and hyphens"))
            quiz_id = ""
        if quiz_id:
            node["ids"] = [f"quiz-{quiz_id}"]
        node["quiz_id"] = quiz_id or nodes.make_id(title) or "quiz"
        # A quiz titled like the section it opens ("Self-check" under "Self-check") would
        # print the same words twice: keep the title for the quiz's id only.
        section = self.state.parent
        heading = section[0].astext().strip() if isinstance(section, nodes.section) and len(section) and isinstance(section[0], nodes.title) else ""
        if title and title.casefold() != heading.casefold():
            textnodes, msgs = self.state.inline_text(title, self.lineno)
            para = nodes.paragraph(title, "", *textnodes)
            self.set_source_info(para)
            node += quiz_title("", para)
            messages.extend(msgs)
        self.state.nested_parse(self.content, self.content_offset, node)
        has_questions = any(isinstance(c, quiz_question) for c in node.children)
        had_errors = any(isinstance(c, nodes.system_message) for c in node.children)
        if not has_questions and not had_errors:
            messages.append(self.quiz_error(
                'a quiz needs at least one ".. question::" directly inside it'))
        return [node, *messages]


class _BlockDirective(_QuizDirective):
    """``.. explanation::`` and ``.. model-answer::``: body content of a question."""

    has_content = True
    node_class: type = quiz_explanation

    def run(self) -> list[nodes.Node]:
        if not isinstance(self.state.parent, quiz_question):
            return [self.quiz_error(
                f'".. {self.name}::" must be placed directly inside a ".. question::"')]
        node = self.node_class()
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class ExplanationDirective(_BlockDirective):
    node_class = quiz_explanation


class ModelAnswerDirective(_BlockDirective):
    node_class = quiz_model_answer


class QuizAnswerKeyDirective(_QuizDirective):
    """``.. quiz-answer-key::``: the answers of every question of this module (or page)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        node = quiz_answer_key("", docname=self.env.docname,
                               group=question_group(self.env.docname))
        self.set_source_info(node)
        return [node]


def _strip_marker(item: nodes.list_item) -> bool | None:
    """Remove a leading ``[x]`` / ``[ ]`` from an option; True/False if marked, else None."""
    first = item.children[0] if item.children else None
    if not isinstance(first, nodes.paragraph) or not first.children:
        return None
    text = first.children[0]
    if not isinstance(text, nodes.Text):
        return None
    m = MARKER_RE.match(str(text))
    if not m:
        return None
    rest = str(text)[m.end():]
    if rest:
        first.replace(text, nodes.Text(rest))
    else:
        first.remove(text)
    if not first.children:
        item.remove(first)
    return m.group(1) in "xX"


def _has_markers(bullet_list: nodes.bullet_list) -> bool:
    for item in bullet_list.children:
        first = item.children[0] if item.children else None
        if (isinstance(first, nodes.paragraph) and first.children
                and isinstance(first[0], nodes.Text) and MARKER_RE.match(str(first[0]))):
            return True
    return False


def _inline_copy(option: quiz_option) -> list[nodes.Node] | None:
    """Inline copies of a one-paragraph option, for the answer statement."""
    if len(option.children) == 1 and isinstance(option[0], nodes.paragraph):
        return [child.deepcopy() for child in option[0].children]
    return None


class QuestionDirective(_QuizDirective):
    """``.. question:: [prompt]``: one question of a quiz."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {
        "id": directives.unchanged,
        "type": directives.unchanged,
        "answer": directives.unchanged,
        "unit": directives.unchanged,
        "tolerance": directives.unchanged,
        "audio": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:  # noqa: C901 (one pass over the rules, in order)
        problems: list[str] = []
        opts = self.options
        qtype = (opts.get("type") or "single").strip().lower()
        if qtype not in TYPES:
            problems.append(f"unknown question :type: {qtype!r}; use one of: {', '.join(TYPES)}")
        if not isinstance(self.state.parent, quiz):
            problems.append('a question must be placed directly inside a ".. quiz::"')

        question = quiz_question("", classes=opts.get("class", []))
        self.set_source_info(question)
        self.state.nested_parse(self.content, self.content_offset, question)
        body = _take_children(question)

        explanations = [n for n in body if isinstance(n, quiz_explanation)]
        models = [n for n in body if isinstance(n, quiz_model_answer)]
        rest = [n for n in body if not isinstance(n, (quiz_explanation, quiz_model_answer))]
        lists = [n for n in rest if isinstance(n, nodes.bullet_list)]

        # The prompt: the argument, then the content other than options and answer blocks.
        prompt_nodes: list[nodes.Node] = []
        if self.arguments:
            textnodes, msgs = self.state.inline_text(self.arguments[0], self.lineno)
            para = nodes.paragraph(self.arguments[0], "", *textnodes)
            self.set_source_info(para)
            prompt_nodes += [para, *msgs]
        option_list = None
        if qtype in CHOICE_TYPES and lists:
            option_list = lists[-1]
        elif lists and _has_markers(lists[-1]):
            problems.append(
                f"a {qtype} question takes no options: remove the [x]/[ ] list "
                f"(true-false uses :answer:, numeric :answer:/:unit:/:tolerance:, "
                f"short a model answer)")
            option_list = lists[-1]
        prompt_nodes += [n for n in rest if n is not option_list]
        prompt_text = " ".join(n.astext() for n in prompt_nodes
                               if not isinstance(n, nodes.system_message)).strip()
        if not prompt_text:
            problems.append("a question needs a prompt: the directive argument or a paragraph")

        # The id: given, or a slug of the first words of the prompt.
        qid = (opts.get("id") or "").strip()
        if "id" in opts and not ID_RE.match(qid):
            problems.append(f":id: {qid!r} is not valid: use letters, digits and hyphens "
                            f"(for example m06-ratio-output)")
        if not qid:
            qid = nodes.make_id(" ".join(prompt_text.split()[:8])) or "question"

        # Options.
        options: list[quiz_option] = []
        if qtype in CHOICE_TYPES:
            if option_list is None:
                problems.append(f"a {qtype} question needs a bullet list of options, the "
                                f"correct one(s) marked [x]")
            else:
                items = [n for n in option_list.children if isinstance(n, nodes.list_item)]
                if len(items) > len(LETTERS):
                    problems.append(f"too many options ({len(items)}; at most 26)")
                for i, item in enumerate(items[: len(LETTERS)]):
                    marked = _strip_marker(item)
                    option = quiz_option("", letter=LETTERS[i], index=i, correct=bool(marked))
                    option.source, option.line = item.source, item.line
                    option.extend(_take_children(item))
                    if not option.astext().strip():
                        problems.append(f"option {LETTERS[i]} is empty")
                    options.append(option)
                if len(options) < 2:
                    problems.append(f"a {qtype} question needs at least two options")
        correct = [o["index"] for o in options if o["correct"]]
        letters = [LETTERS[i] for i in correct]
        if qtype in CHOICE_TYPES and options:
            if not correct:
                problems.append("no correct answer: mark the correct option with [x]")
            elif qtype in ONE_ANSWER_TYPES and len(correct) > 1:
                problems.append(
                    f"a {qtype} question has exactly one correct answer, but "
                    f"{len(correct)} options are marked [x] ({', '.join(letters)}); "
                    f"use :type: multiple for choose-all-that-apply")

        # :answer:, :unit:, :tolerance:, :audio:
        answer = opts.get("answer")
        answer = answer.strip() if answer is not None else None
        unit = opts.get("unit")
        unit = unit.strip() if unit is not None else None
        tolerance = opts.get("tolerance")
        tolerance = tolerance.strip() if tolerance is not None else None
        audio = (opts.get("audio") or "").strip() or None
        answer_value = tol_value = None
        relative = False
        if qtype in CHOICE_TYPES + ("short",) and answer is not None:
            problems.append(":answer: is only for true-false and numeric questions"
                            + ("; mark the correct option(s) with [x]" if qtype != "short"
                               else "; give a short question a model answer"))
        if qtype != "numeric" and (unit is not None or tolerance is not None):
            problems.append(":unit: and :tolerance: are only for numeric questions")
        if qtype == "true-false":
            if not answer:
                problems.append("a true-false question needs :answer: true or :answer: false")
            elif answer.lower() not in ("true", "false"):
                problems.append(f":answer: {answer!r} of a true-false question must be "
                                f"true or false")
            else:
                answer = answer.lower()
                correct = [0 if answer == "true" else 1]
        if qtype == "numeric":
            if not answer:
                problems.append("a numeric question needs :answer: (a number)")
            else:
                answer_value = _parse_number(answer)
                if answer_value is None:
                    problems.append(f":answer: {answer!r} is not a number")
            if not unit:
                problems.append("a numeric question needs :unit: (write :unit: none for a "
                                "pure number)")
            if not tolerance:
                problems.append("a numeric question needs :tolerance: (absolute, such as "
                                "0.005, or relative, such as 2%)")
            else:
                relative = tolerance.endswith("%")
                tol_value = _parse_number(tolerance[:-1] if relative else tolerance)
                if tol_value is None or tol_value < 0:
                    problems.append(f":tolerance: {tolerance!r} is not a non-negative number "
                                    f"(absolute) or percentage (relative, such as 2%)")
                    tol_value = None
        if qtype == "listening" and not audio:
            problems.append("a listening question needs :audio: <audio-example id>")

        # Explanation and model answer.
        if not explanations:
            problems.append('an ".. explanation::" block is missing: say why the right '
                            'answer is right and the tempting wrong one is wrong')
        elif len(explanations) > 1:
            problems.append('a question has one ".. explanation::" block, not '
                            f"{len(explanations)}")
        elif not explanations[0].astext().strip():
            problems.append('the ".. explanation::" block is empty')
        if qtype == "short":
            if not models:
                problems.append('a short question needs a ".. model-answer::" block')
            elif not models[0].astext().strip():
                problems.append('the ".. model-answer::" block is empty')
        elif models:
            problems.append('".. model-answer::" is only for short questions')

        if problems:
            return [self.quiz_error(f"quiz question {qid!r}: {p}") for p in problems]

        # Assemble.
        question["ids"] = [f"q-{qid}"]
        for att, value in {
            "qid": qid, "qtype": qtype, "docname": self.env.docname, "qline": self.lineno,
            "correct": correct, "letters": [LETTERS[i] for i in correct],
            "answer": answer, "unit": None if unit in (None, "none") else unit,
            "tolerance": tolerance, "audio": audio,
        }.items():
            question[att] = value
        if qtype == "numeric":
            assert answer_value is not None and tol_value is not None
            question["answer_value"] = answer_value
            question["tolerance_abs"] = (abs(answer_value) * tol_value / 100 if relative
                                         else tol_value)
        question += quiz_question_title()
        prompt = quiz_prompt("", *prompt_nodes)
        question += prompt
        if audio:
            question += quiz_audio("", audio=audio)
        if qtype == "true-false":
            for i, word in enumerate(("True", "False")):
                para = nodes.paragraph(word, word)
                self.set_source_info(para)
                options.append(quiz_option("", para, letter=LETTERS[i], index=i,
                                           correct=(i == correct[0])))
        if options:
            question += quiz_options("", *options, classes=[f"quiz-options-{qtype}"])
        if qtype == "numeric":
            question += quiz_hint("", self._numeric_hint(unit, tolerance, relative))
        answer_node = quiz_answer("", qid=qid)
        answer_node += self._statement(qtype, options, correct, answer, unit, tolerance,
                                       relative)
        if models:
            answer_node += models[0]
        answer_node += explanations[0]
        question += answer_node
        return [question]

    @staticmethod
    def _numeric_hint(unit: str | None, tolerance: str | None, relative: bool) -> str:
        tol = _display_number(tolerance or "")
        if _parse_number(tol.rstrip("%")) == 0:
            return f"Give the exact value in {unit}." if unit and unit != "none" else \
                "Give the exact number."
        if unit and unit != "none":
            within = f"±{tol}" if relative else f"±{tol} {unit}"
            return f"Give the value in {unit}, within {within}."
        return f"Give a number, within ±{tol}."

    @staticmethod
    def _statement(qtype, options, correct, answer, unit, tolerance, relative):
        stmt = quiz_answer_statement()
        if qtype == "short":
            stmt += nodes.strong("Model answer:", "Model answer:")
            return stmt
        if qtype == "true-false":
            stmt += nodes.strong("Correct answer:", "Correct answer:")
            stmt += nodes.Text(" True" if answer == "true" else " False")
            return stmt
        if qtype == "numeric":
            stmt += nodes.strong("Correct answer:", "Correct answer:")
            value = _display_number(answer)
            tol = _display_number(tolerance)
            if _parse_number(tolerance.rstrip("%")) == 0:
                stmt += nodes.Text(f" {value} {unit} (exact)" if unit and unit != "none"
                                   else f" {value} (exact)")
            elif unit and unit != "none":
                stmt += nodes.Text(f" {value} {unit} (accepted within ±{tol}"
                                   + ("" if relative else f" {unit}") + ")")
            else:
                stmt += nodes.Text(f" {value} (accepted within ±{tol})")
            return stmt
        label = "Correct answers:" if len(correct) > 1 else "Correct answer:"
        stmt += nodes.strong(label, label)
        for n, i in enumerate(correct):
            stmt += nodes.Text((", " if n else " ") + LETTERS[i])
            copy = _inline_copy(options[i])
            if copy:
                stmt += nodes.inline("", "", nodes.Text(" ("), *copy, nodes.Text(")"),
                                     classes=["quiz-option-text"])
        return stmt


# --------------------------------------------------------------------------------------------
# Environment: collect, purge, merge, number, validate
# --------------------------------------------------------------------------------------------


def _builder_inited(app: Sphinx) -> None:
    _ensure_env(app.env)


def _purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _ensure_env(env)
    for name in ("quiz_questions", "quiz_keys", "quiz_errors"):
        getattr(env, name).pop(docname, None)


def _merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str],
                other: BuildEnvironment) -> None:
    _ensure_env(env)
    for name in ("quiz_questions", "quiz_keys", "quiz_errors"):
        ours, theirs = getattr(env, name), getattr(other, name, {})
        for docname in docnames:
            if docname in theirs:
                ours[docname] = theirs[docname]


def _detached_copy(node: nodes.Element) -> nodes.Element:
    """A deep copy that does not keep a reference to the whole document (which would be
    pickled with the environment)."""
    copy = node.deepcopy()
    for descendant in copy.findall():
        descendant._document = None
    return copy


def _doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    _ensure_env(env)
    docname = env.docname
    seen: set[str] = set()
    for qz in doctree.findall(quiz):
        base = qz_id = qz["quiz_id"]
        n = 2
        while qz_id in seen:
            qz_id, n = f"{base}-{n}", n + 1
        seen.add(qz_id)
        qz["quiz_id"] = qz_id
    records = []
    for index, q in enumerate(doctree.findall(quiz_question)):
        q["index"] = index
        parent = q.parent
        while parent is not None and not isinstance(parent, quiz):
            parent = parent.parent
        prompt = _child(q, quiz_prompt)
        options = [o.astext() for o in q.findall(quiz_option)]
        records.append({
            "id": q["qid"],
            "docname": docname,
            "line": q["qline"],
            "type": q["qtype"],
            "quiz": parent["quiz_id"] if parent is not None else None,
            "prompt": prompt.astext() if prompt is not None else "",
            "options": options,
            "correct": list(q["letters"]),
            "answer": q["answer"],
            "unit": q["unit"],
            "tolerance": q["tolerance"],
            "audio": q["audio"],
            "answer_node": _detached_copy(_child(q, quiz_answer)),
        })
    if records:
        env.quiz_questions[docname] = records
    keys = [k.line for k in doctree.findall(quiz_answer_key)]
    if keys:
        env.quiz_keys[docname] = keys


def _get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                  removed: set[str]) -> list[str]:
    """Re-read the quiz pages and answer keys of every module with a changed page, and every
    page with a recorded quiz error (so that its errors are reported again)."""
    _ensure_env(env)
    groups = {question_group(d) for d in added | changed | removed}
    groups = {g for g in groups if g.startswith("modules/")}
    more = set(env.quiz_errors)
    for docname in set(env.quiz_questions) | set(env.quiz_keys):
        if question_group(docname) in groups:
            more.add(docname)
    return sorted(more - added - changed - removed)


def _doc_order(env: BuildEnvironment, root: str) -> dict[str, int]:
    """Position of every document in a pre-order walk of the toctrees from *root*."""
    order: dict[str, int] = {}
    stack = [root]
    while stack:
        docname = stack.pop()
        if docname in order:
            continue
        order[docname] = len(order)
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    for docname in sorted(env.all_docs):
        order.setdefault(docname, len(order))
    return order


def _location(env: BuildEnvironment, docname: str, line: int | None) -> str:
    path = env.doc2path(docname)
    return f"{path}:{line}" if line else str(path)


def _env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    _ensure_env(env)
    order = _doc_order(env, app.config.root_doc)
    key = lambda d: (order.get(d, len(order)), d)  # noqa: E731
    groups: dict[str, list[tuple[str, int]]] = {}
    for docname in sorted(env.quiz_questions, key=key):
        items = groups.setdefault(question_group(docname), [])
        items.extend((docname, i) for i in range(len(env.quiz_questions[docname])))
    numbers: dict[str, list[str]] = {}
    for group, items in groups.items():
        prefix = _group_prefix(group)
        for k, (docname, _i) in enumerate(items, 1):
            numbers.setdefault(docname, []).append(f"{prefix}{k}")
    key_docs: dict[str, str] = {}
    for docname in sorted(env.quiz_keys, key=key):
        key_docs.setdefault(question_group(docname), docname)

    old = env.quiz_numbers
    changed = {d for d in set(old) | set(numbers) if old.get(d) != numbers.get(d)}
    changed_groups = {question_group(d) for d in changed}
    if env.quiz_key_docs != key_docs:
        changed_groups |= set(key_docs) ^ set(env.quiz_key_docs)
        changed_groups |= {g for g in key_docs if key_docs[g] != env.quiz_key_docs.get(g)}
    rewrite = set(changed)
    rewrite |= {d for d in env.quiz_keys if question_group(d) in changed_groups}
    # An EPUB question links to its key page: rewrite the group when the key moves.
    for group in changed_groups:
        rewrite |= {d for d, _i in groups.get(group, [])}
    env.quiz_numbers, env.quiz_groups, env.quiz_key_docs = numbers, groups, key_docs

    # Checks that need every document: unique ids, known audio examples.
    late: list[tuple[str, int | None, str]] = []
    first_seen: dict[str, dict[str, Any]] = {}
    audio_examples = getattr(env, "audio_examples", None)
    every = sorted(((d, r) for d, recs in env.quiz_questions.items() for r in recs),
                   key=lambda dr: (key(dr[0]), dr[1]["line"] or 0))
    for docname, rec in every:
        qid = rec["id"]
        if qid in first_seen:
            first = first_seen[qid]
            late.append((docname, rec["line"],
                         f"quiz question {qid!r}: duplicate id; it is also used at "
                         f"{_location(env, first['docname'], first['line'])} "
                         f"(question ids must be unique across the whole site)"))
        else:
            first_seen[qid] = rec
        audio = rec.get("audio")
        if audio and (audio_examples is None or audio not in audio_examples):
            why = ("the audio extension is not loaded" if audio_examples is None
                   else 'no ".. audio-example::" has this id')
            late.append((docname, rec["line"],
                         f"quiz question {qid!r}: unknown audio example {audio!r} ({why})"))
    env.quiz_late_errors = late
    for docname, line, message in late:
        logger.error(message, location=(docname, line), type="quiz")
    return sorted(d for d in rewrite if d in env.all_docs)


def quiz_error_count(env: BuildEnvironment) -> int:
    """How many malformed quiz questions (distinct file:line places) the last build found."""
    places = {(d, line) for d, errs in getattr(env, "quiz_errors", {}).items()
              for line, _m in errs}
    places |= {(d, line) for d, line, _m in getattr(env, "quiz_late_errors", [])}
    return len(places)


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Fail the build (exit status 1, even without -W) if any quiz question was malformed.

    A one-line ERROR summary and ``app.statuscode = 1`` rather than raising :class:`QuizError`:
    since Sphinx 8 an exception raised here prints a crash report with a traceback and deletes
    the saved environment (forcing a full rebuild of the course next time).
    """
    if exception is not None:
        return
    count = quiz_error_count(app.env)
    if count:
        logger.error("%s", _summary(count), type="quiz", subtype="summary")
        app.statuscode = 1


def _summary(count: int) -> str:
    return (f"{count} malformed quiz question{'s' if count != 1 else ''}; "
            f"see the errors above")


def _config_inited(app: Sphinx, config: Any) -> None:
    static = str(STATIC_DIR)
    if static not in [str(p) for p in config.html_static_path]:
        config.html_static_path = [*config.html_static_path, static]


# --------------------------------------------------------------------------------------------
# Writing: number, place answers, fill answer keys
# --------------------------------------------------------------------------------------------


def _output_mode(builder: Any) -> str:
    if builder.format == "latex":
        return "latex"
    if builder.name.startswith("epub"):
        return "epub"
    if builder.format == "html":
        return "html"
    return "generic"


def _label(env: BuildEnvironment, docname: str, index: int) -> str:
    try:
        return env.quiz_numbers[docname][index]
    except (AttributeError, KeyError, IndexError, TypeError):
        return "?"


def _link(builder: Any, fromdoc: str, todoc: str, anchor: str) -> str:
    """URI of *anchor* on page *todoc*, from page *fromdoc*."""
    if builder.name == "singlehtml":
        return f"#{anchor}"  # one page (get_relative_uri would give "#document-x#anchor")
    return f"{builder.get_relative_uri(fromdoc, todoc)}#{anchor}"


def _rebase_xrefs(node: nodes.Element, fromdoc: str, srcdoc: str, builder: Any) -> None:
    """Make cross-references in answer content written in *srcdoc* work in *fromdoc*."""
    if builder is not None and builder.name == "singlehtml":
        return  # one page: references resolve as they would where they were written
    if srcdoc != fromdoc:
        for ref in node.findall(nodes.reference):
            if "refid" in ref and "refuri" not in ref:
                try:
                    base = builder.get_relative_uri(fromdoc, srcdoc)
                except Exception:  # noqa: BLE001 (NoUri: the page is not in this output)
                    continue
                ref["refuri"] = f"{base}#{ref['refid']}"
                del ref["refid"]
    for xref in node.findall(addnodes.pending_xref):
        old = xref.get("refdoc")
        if (old and xref.get("refdomain") == "std" and xref.get("reftype") == "doc"
                and not xref["reftarget"].startswith("/")):
            target = posixpath.normpath(posixpath.join("/" + old, "..", xref["reftarget"]))
            xref["reftarget"] = target
        xref["refdoc"] = fromdoc


class QuizPostTransform(SphinxPostTransform):
    """Number the questions, place the answers and fill the answer keys for this builder."""

    # Below ReferencesResolver (10), so references inside moved answers still resolve; well
    # below sphinx-design's dropdown transform (199), which renders the answer dropdowns.
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        questions = list(self.document.findall(quiz_question))
        keys = list(self.document.findall(quiz_answer_key))
        quizzes = list(self.document.findall(quiz))
        if not (questions or keys or quizzes):
            return
        env = self.env
        _ensure_env(env)
        builder = env._app.builder
        mode = _output_mode(builder)
        fromdoc = env.docname
        for qz in quizzes:
            if mode == "html":
                qz["interactive"] = True
        for q in questions:
            self.finish_question(q, mode, builder, fromdoc)
        if mode == "latex":
            self.move_answers(questions, keys, builder)
        else:
            for key in keys:
                self.fill_key(key, mode, builder, fromdoc)
        if mode == "generic":
            _to_generic(self.document, spelling=builder.name == "spelling")

    def finish_question(self, q: quiz_question, mode: str, builder: Any, fromdoc: str) -> None:
        env = self.env
        qid = q["qid"]
        label = _label(env, q["docname"], q["index"])
        q["number"] = label
        title = _child(q, quiz_question_title)
        if title is not None and not title.children:
            text = f"Question {label}"
            if mode in ("html", "epub"):
                title["ids"] = [f"q-{qid}-title"]
                title += nodes.reference("", "", nodes.Text(text), refuri=f"#q-{qid}",
                                         internal=True, classes=["quiz-permalink"])
            else:
                title += nodes.Text(text)
        for player in q.findall(quiz_audio):
            self.finish_audio(player, mode, builder, fromdoc)
        answer = _child(q, quiz_answer)
        if answer is None:
            return
        if mode == "html":
            from sphinx_design.shared import create_component

            dropdown = create_component(
                "dropdown", opened=False, type="dropdown", has_title=True, icon=None,
                chevron=None, container_classes=["sd-mb-3", "quiz-answer-dropdown"],
                title_classes=["quiz-answer-summary"], body_classes=["quiz-answer-body"],
            )
            dropdown += nodes.rubric("", "", nodes.Text(f"Answer to question {label}"),
                                     ids=[f"a-{qid}"])
            dropdown.extend(_take_children(answer))
            answer += dropdown
        elif mode == "epub":
            keydoc = env.quiz_key_docs.get(question_group(q["docname"]))
            if keydoc:
                uri = _link(builder, fromdoc, keydoc, f"a-{qid}")
                link = quiz_answer_link("", "", qid=qid, number=label)
                link += nodes.reference("", "", nodes.Text(f"Answer to question {label}"),
                                        refuri=uri, internal=True)
                answer.replace_self(link)
            else:
                answer["ids"] = [f"a-{qid}"]

    def finish_audio(self, player: quiz_audio, mode: str, builder: Any, fromdoc: str) -> None:
        """HTML and EPUB: "Listen: Audio 1.3" (a link to the example, whose figure has the
        text description) above a player. Elsewhere: where to listen (online, if
        ``html_baseurl`` is set)."""
        examples = getattr(self.env, "audio_examples", None) or {}
        ident = player["audio"]
        info = examples.get(ident) or {}
        name = f"Audio {info['number']}" if info.get("number") else info.get("title") or ident
        player["label"] = name
        if mode in ("html", "epub") and info.get("file"):
            player["src"] = relative_uri(builder.get_target_uri(fromdoc), info["file"])
            suffix = posixpath.splitext(info["file"])[1].lower()
            player["mime"] = {".mp3": "audio/mpeg", ".wav": "audio/wav", ".ogg": "audio/ogg",
                              ".flac": "audio/flac", ".m4a": "audio/mp4"}.get(suffix, "")
            para = nodes.paragraph("", "Listen: ", classes=["quiz-audio-title"])
            if info.get("docname") in self.env.all_docs:
                uri = _link(builder, fromdoc, info["docname"], f"audio-{ident}")
                para += nodes.reference("", name, refuri=uri, internal=True)
            else:
                para += nodes.Text(name)
            player += para
            return
        para = nodes.paragraph("", "", classes=["quiz-audio-title"])
        base = (self.config.html_baseurl or "").strip()
        if base and info.get("file"):
            url = base.rstrip("/") + "/" + info["file"]
            para += nodes.emphasis("", f"Listen to {name} online: ")
            para += nodes.reference(url, url, refuri=url)
        else:
            para += nodes.emphasis("", f"Listen to {name} in the online course.")
        player += para

    def new_entry(self, qid: str, label: str, docname: str, mode: str, builder: Any,
                  fromdoc: str) -> quiz_key_entry:
        entry = quiz_key_entry("", qid=qid, number=label, docname=docname)
        title = quiz_key_title("", qid=qid, number=label)
        if mode in ("html", "epub"):
            entry["ids"] = [f"key-{qid}" if mode == "html" else f"a-{qid}"]
            uri = _link(builder, fromdoc, docname, f"q-{qid}")
            title += nodes.reference("", "", nodes.Text(f"Question {label}"), refuri=uri,
                                     internal=True)
        elif mode == "latex":
            pass  # the LaTeX visitor writes "Question 6.3, page N" with its own labels
        else:
            title += nodes.Text(f"Question {label}")
        entry += title
        return entry

    def fill_key(self, key: quiz_answer_key, mode: str, builder: Any, fromdoc: str) -> None:
        env = self.env
        if mode == "generic" and builder.name == "spelling":
            return  # the answers are spell-checked where they are written
        items = env.quiz_groups.get(key["group"], [])
        for docname, index in items:
            try:
                record = env.quiz_questions[docname][index]
            except (KeyError, IndexError):
                continue
            entry = self.new_entry(record["id"], _label(env, docname, index), docname, mode,
                                   builder, fromdoc)
            copy = record["answer_node"].deepcopy()
            _rebase_xrefs(copy, fromdoc, docname, builder)
            entry.extend(_take_children(copy))
            key += entry
        if not items:
            key += nodes.paragraph("", "", nodes.emphasis("No quiz questions.",
                                                          "No quiz questions."))

    def move_answers(self, questions: list[quiz_question], keys: list[quiz_answer_key],
                     builder: Any) -> None:
        """LaTeX: move each answer into its module's answer key in this (big) doctree."""
        by_group: dict[str, quiz_answer_key] = {}
        for key in keys:
            by_group.setdefault(key["group"], key)
        for q in questions:
            answer = _child(q, quiz_answer)
            key = by_group.get(question_group(q["docname"]))
            if answer is None or key is None:
                continue
            qid, label = q["qid"], q["number"]
            entry = self.new_entry(qid, label, q["docname"], "latex", None, "")
            entry.extend(_take_children(answer))
            _rebase_xrefs(entry, key["docname"], q["docname"], builder)
            key += entry
            answer.replace_self(quiz_answer_link("", "", qid=qid, number=label))
        for key in keys:
            if not any(isinstance(c, quiz_key_entry) for c in key.children):
                key += nodes.paragraph("", "", nodes.emphasis("No quiz questions.",
                                                              "No quiz questions."))


def _to_generic(document: nodes.document, spelling: bool = False) -> None:
    """Replace this extension's nodes by ordinary docutils nodes (text, man, texinfo, ...)."""
    if spelling:
        # the answer statement repeats the correct options' text: check it only once
        for stmt in document.findall(quiz_answer_statement):
            for copy in list(stmt.findall(nodes.inline)):
                if "quiz-option-text" in copy["classes"] and copy.parent is not None:
                    copy.parent.remove(copy)
    for node in reversed(list(document.findall(_QuizNode))):
        children = _take_children(node)
        classes = [node.tagname.replace("_", "-"), *node.get("classes", [])]
        if isinstance(node, quiz_options):
            # text writers number every enumerated list 1, 2, 3: write the letters instead
            new = nodes.bullet_list("", bullet="-")
        elif isinstance(node, quiz_option):
            new = nodes.list_item()
            letter = nodes.strong(f"({node['letter']})", f"({node['letter']})")
            if children and isinstance(children[0], nodes.paragraph):
                children[0].insert(0, [letter, nodes.Text(" ")])
            else:
                children.insert(0, nodes.paragraph("", "", letter))
        elif isinstance(node, (quiz_question_title, quiz_key_title)):
            new = nodes.paragraph("", "", nodes.strong("", "", *children))
            children = []
        elif isinstance(node, (quiz_answer_statement, quiz_answer_link, quiz_hint)):
            # wrapped in an inline: generated text (and copies of option text) is not checked
            # by the spelling builder a second time
            new = nodes.paragraph("", "", nodes.inline("", "", *children))
            children = []
        else:
            new = nodes.container("", classes=classes)
        new["ids"] = list(node.get("ids", []))
        new.source, new.line = node.source, node.line
        new.extend(children)
        node.replace_self(new)


# --------------------------------------------------------------------------------------------
# HTML visitors (html, dirhtml, singlehtml, epub)
# --------------------------------------------------------------------------------------------


def _html_block(tag: str, css: str):
    def visit(self, node):
        self.body.append(self.starttag(node, tag, CLASS=css))

    def depart(self, node):
        self.body.append(f"</{tag}>\n")

    return visit, depart


def visit_quiz_html(self, node: quiz) -> None:
    atts = {"data-quiz-id": node["quiz_id"]}
    if node.get("interactive"):
        atts["data-interactive"] = "true"
    self.body.append(self.starttag(node, "div", CLASS="quiz", **atts))


def visit_question_html(self, node: quiz_question) -> None:
    qid = node["qid"]
    atts = {"data-qid": qid, "data-type": node["qtype"], "data-number": node.get("number", ""),
            "role": "group", "aria-labelledby": f"q-{qid}-title", "CLASS": "quiz-question"}
    if node["qtype"] != "numeric" and node["qtype"] != "short":
        atts["data-correct"] = ",".join(str(i) for i in node["correct"])
    if node["qtype"] == "numeric":
        atts["data-answer"] = repr(node["answer_value"])
        atts["data-tolerance"] = repr(round(node["tolerance_abs"], 12))
        atts["data-unit"] = node["unit"] or ""
    self.body.append(self.starttag(node, "div", **atts))


def visit_options_html(self, node: quiz_options) -> None:
    self.body.append(self.starttag(node, "ol", CLASS="quiz-options", type="A"))


def visit_option_html(self, node: quiz_option) -> None:
    self.body.append(self.starttag(node, "li", CLASS="quiz-option",
                                   **{"data-index": str(node["index"])}))


def visit_audio_html(self, node: quiz_audio) -> None:
    self.body.append(self.starttag(node, "div", CLASS="quiz-audio",
                                   **{"data-audio": node["audio"]}))


def depart_audio_html(self, node: quiz_audio) -> None:
    src = node.get("src")
    if src:
        label = self.attval(node.get("label", ""))
        mime = f' type="{self.attval(node["mime"])}"' if node.get("mime") else ""
        self.body.append(
            f'<audio controls="controls" preload="none" aria-label="{label}">'
            f'<source src="{self.attval(src)}"{mime}/>'
            f'<a href="{self.attval(src)}">Download the audio</a></audio>\n')
    self.body.append("</div>\n")


def visit_answer_link_html(self, node: quiz_answer_link) -> None:
    self.body.append(self.starttag(node, "p", CLASS="quiz-answer-link"))


def depart_p(self, node) -> None:
    self.body.append("</p>\n")


def depart_li(self, node) -> None:
    self.body.append("</li>\n")


def depart_ol(self, node) -> None:
    self.body.append("</ol>\n")


def depart_div(self, node) -> None:
    self.body.append("</div>\n")


# --------------------------------------------------------------------------------------------
# LaTeX visitors
# --------------------------------------------------------------------------------------------


def _noop(self, node) -> None:
    pass


def visit_quiz_latex(self, node: quiz) -> None:
    self.body.append("\n\\par\\medskip\n")


def depart_quiz_latex(self, node: quiz) -> None:
    self.body.append("\n\\par\\medskip\n")


def visit_quiz_title_latex(self, node: quiz_title) -> None:
    self.body.append("\n\\par\\noindent{\\large\\bfseries ")


def depart_quiz_title_latex(self, node: quiz_title) -> None:
    self.body.append("}\\par\\nopagebreak\n")


def visit_question_latex(self, node: quiz_question) -> None:
    self.body.append("\n\\par\\medskip\\noindent\\phantomsection"
                     f"\\label{{{_latex_label('quizq', node['qid'])}}}%\n")


def visit_question_title_latex(self, node: quiz_question_title) -> None:
    self.body.append("\\textbf{")


def depart_question_title_latex(self, node: quiz_question_title) -> None:
    self.body.append("}\\par\\nopagebreak\n")


def visit_options_latex(self, node: quiz_options) -> None:
    level = 1
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.enumerated_list, quiz_options)):
            level += 1
        parent = parent.parent
    roman = ["i", "ii", "iii", "iv", "v"]
    enum, enumnext = f"enum{roman[min(level, 4) - 1]}", f"enum{roman[min(level, 4)]}"
    self.body.append("\n\\begin{enumerate}\n"
                     f"\\sphinxsetlistlabels{{\\Alph}}{{{enum}}}{{{enumnext}}}{{(}}{{)}}%\n")


def depart_options_latex(self, node: quiz_options) -> None:
    self.body.append("\\end{enumerate}\n")


def visit_option_latex(self, node: quiz_option) -> None:
    self.body.append("\\item {} ")


def depart_option_latex(self, node: quiz_option) -> None:
    self.body.append("\n")


def visit_par_latex(self, node) -> None:
    self.body.append("\n\\par\\noindent ")


def depart_par_latex(self, node) -> None:
    self.body.append("\\par\n")


def visit_hint_latex(self, node: quiz_hint) -> None:
    self.body.append("\n\\par\\noindent\\emph{")


def depart_hint_latex(self, node: quiz_hint) -> None:
    self.body.append("}\\par\n")


def visit_answer_link_latex(self, node: quiz_answer_link) -> None:
    label = _latex_label("quiza", node["qid"])
    self.body.append(f"\n\\par\\noindent\\emph{{Answer: \\hyperref[{label}]"
                     f"{{page~\\pageref*{{{label}}}}}}}\\par\n")
    raise nodes.SkipNode


def visit_key_latex(self, node: quiz_answer_key) -> None:
    self.body.append("\n\\par\n")


def visit_key_entry_latex(self, node: quiz_key_entry) -> None:
    self.body.append("\n\\par\\medskip\\noindent\\phantomsection"
                     f"\\label{{{_latex_label('quiza', node['qid'])}}}%\n")


def visit_key_title_latex(self, node: quiz_key_title) -> None:
    label = _latex_label("quizq", node["qid"])
    number = self.encode(node["number"])
    self.body.append(f"\\textbf{{\\hyperref[{label}]{{Question {number}, "
                     f"page~\\pageref*{{{label}}}}}}}\\par\\nopagebreak\n")
    raise nodes.SkipNode


# --------------------------------------------------------------------------------------------
# Setup
# --------------------------------------------------------------------------------------------


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_design")

    div = (lambda css: _html_block("div", css))
    app.add_node(quiz, html=(visit_quiz_html, depart_div),
                 latex=(visit_quiz_latex, depart_quiz_latex))
    app.add_node(quiz_title, html=div("quiz-title"),
                 latex=(visit_quiz_title_latex, depart_quiz_title_latex))
    app.add_node(quiz_question, html=(visit_question_html, depart_div),
                 latex=(visit_question_latex, _noop))
    app.add_node(quiz_question_title, html=_html_block("p", "quiz-question-title"),
                 latex=(visit_question_title_latex, depart_question_title_latex))
    app.add_node(quiz_prompt, html=div("quiz-prompt"), latex=(_noop, _noop))
    app.add_node(quiz_audio, html=(visit_audio_html, depart_audio_html), latex=(_noop, _noop))
    app.add_node(quiz_options, html=(visit_options_html, depart_ol),
                 latex=(visit_options_latex, depart_options_latex))
    app.add_node(quiz_option, html=(visit_option_html, depart_li),
                 latex=(visit_option_latex, depart_option_latex))
    app.add_node(quiz_hint, html=_html_block("p", "quiz-hint"),
                 latex=(visit_hint_latex, depart_hint_latex))
    app.add_node(quiz_answer, html=div("quiz-answer"), latex=(_noop, _noop))
    app.add_node(quiz_answer_statement, html=_html_block("p", "quiz-answer-statement"),
                 latex=(visit_par_latex, depart_par_latex))
    app.add_node(quiz_model_answer, html=div("quiz-model-answer"), latex=(_noop, _noop))
    app.add_node(quiz_explanation, html=div("quiz-explanation"), latex=(_noop, _noop))
    app.add_node(quiz_answer_link, html=(visit_answer_link_html, depart_p),
                 latex=(visit_answer_link_latex, _noop))
    app.add_node(quiz_answer_key, html=div("quiz-answer-key"),
                 latex=(visit_key_latex, _noop))
    app.add_node(quiz_key_entry, html=div("quiz-key-entry"),
                 latex=(visit_key_entry_latex, _noop))
    app.add_node(quiz_key_title, html=_html_block("p", "quiz-key-title"),
                 latex=(visit_key_title_latex, _noop))

    app.add_directive("quiz", QuizDirective)
    app.add_directive("question", QuestionDirective)
    app.add_directive("explanation", ExplanationDirective)
    app.add_directive("model-answer", ModelAnswerDirective)
    app.add_directive("quiz-answer-key", QuizAnswerKeyDirective)
    app.add_post_transform(QuizPostTransform)

    app.add_js_file("quiz.js", loading_method="defer")
    app.add_css_file("quiz.css")

    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-get-outdated", _get_outdated)
    app.connect("env-purge-doc", _purge_doc)
    app.connect("env-merge-info", _merge_info)
    app.connect("doctree-read", _doctree_read)
    app.connect("env-updated", _env_updated)
    app.connect("build-finished", _build_finished)
    return {
        "version": "1.0",
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

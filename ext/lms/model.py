"""One neutral question model for every export format, built from the quiz domain's records.

:func:`build_bank` reads ``env.domains["quiz"]`` (:class:`quiz.collector.QuestionRecord`,
numbered "N.k" per module) and, for the rich parts (prompt, options, explanation, model
answer), the question's nodes in the document's stored doctree. Each question becomes an
:class:`Item`: its prompt, options and feedback as HTML and as plain text, the numeric answer
with its unit and absolute tolerance, its module and lesson (the categories), and the audio
file of a listening question. The format modules (:mod:`lms.moodle`, :mod:`lms.gift`,
:mod:`lms.qti`, :mod:`lms.cartridge`) only serialize items; what a format cannot express is
decided by its ``unsupported(item, ctx)`` function, so that nothing is left out silently.

The HTML is a small, safe subset (``p``, ``em``, ``strong``, ``code``, ``ul``/``ol``,
``pre``, ``a``, ``sub``/``sup``) with math as ``\\(...\\)`` and ``\\[...\\]``, the delimiters
that Moodle's MathJax filter and Canvas render.
"""

from __future__ import annotations

import html
import math
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from course.modules import module_number, numbering_group
from course.order import doc_key, doc_order
from quiz import spec
from quiz.collector import QuestionRecord, audio_examples, quiz_domain
from quiz.nodes import (
    child,
    quiz_answer,
    quiz_answer_statement,
    quiz_explanation,
    quiz_model_answer,
    quiz_option,
    quiz_prompt,
    quiz_question,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Moodle's grade fractions (question/format.php ``question_bank::fraction_options``): 1/n
#: for n = 1..10 and 1/20. A multiple-answer question whose share per correct option is not
#: one of these cannot be scored the same way in Moodle XML and GIFT.
MOODLE_FRACTIONS = tuple(sorted({round(100 / n, 5) for n in (*range(1, 11), 20)}))


@dataclass(frozen=True)
class Choice:
    """One option of a choice or true-false question."""

    letter: str
    html: str
    text: str
    correct: bool
    feedback_html: str        #: "Correct." / "Not correct: ..." and the explanation


@dataclass(frozen=True)
class AudioRef:
    """The audio file a listening question plays."""

    id: str
    title: str                #: "Audio 6.4"
    file: str                 #: relative to the HTML output: ``_audio/<id>-<key8>.mp3``
    path: Path | None         #: the file in the HTML output (None while only counting)
    url: str | None           #: in the online edition (from html_baseurl), or None

    @property
    def name(self) -> str:
        return posixpath.basename(self.file)

    @property
    def mime(self) -> str:
        from course.player import mime_type

        return mime_type(self.file) or "application/octet-stream"


@dataclass
class Item:
    """One question, ready for any format."""

    id: str
    number: str               #: "6.3"
    type: str                 #: a quiz type: single, multiple, true-false, numeric, short, listening
    docname: str
    line: int | None
    module: str               #: the numbering group: ``modules/06-mixing`` (or a docname)
    module_title: str         #: "Module 6: Mixing"
    lesson_title: str         #: the page title
    prompt_html: str
    prompt_text: str
    choices: list[Choice] = field(default_factory=list)
    answer: float | None = None         #: numeric
    answer_text: str | None = None      #: numeric, as written ("3.43")
    unit: str | None = None             #: numeric, None for a pure number
    tolerance: float | None = None      #: numeric, absolute
    tolerance_text: str | None = None   #: numeric, as written ("2%", "0.1")
    hint: str = ""                      #: numeric: "Give the value in dB, within ±0.1 dB."
    explanation_html: str = ""
    explanation_text: str = ""
    model_answer_html: str = ""         #: short
    model_answer_text: str = ""
    statement_text: str = ""            #: "Correct answer: B (83 dB SPL)"
    audio_id: str | None = None         #: the ``:audio:`` of the question (any type may have one)
    audio: AudioRef | None = None       #: the clip, when the audio example is known
    has_image: bool = False             #: the prompt or an option shows an image

    @property
    def has_audio(self) -> bool:
        """Whether the question plays a clip (every listening question; others may too)."""
        return self.audio_id is not None

    @property
    def name(self) -> str:
        """The question's name in an LMS: "6.3 m06-ratio-output"."""
        return f"{self.number} {self.id}"

    @property
    def correct_count(self) -> int:
        return sum(c.correct for c in self.choices)

    @property
    def fraction(self) -> float:
        """The share in percent of one correct option of a multiple-answer question."""
        return 100 / max(1, self.correct_count)

    @property
    def general_feedback_html(self) -> str:
        """The answer statement, the model answer and the explanation."""
        parts = [f"<p><strong>{html.escape(self.statement_text, quote=False)}</strong></p>"]
        if self.model_answer_html:
            parts.append(self.model_answer_html)
        parts.append(self.explanation_html)
        return "".join(parts)

    @property
    def where(self) -> str:
        return f"{self.docname}:{self.line}" if self.line else self.docname


@dataclass
class Bank:
    """Every exportable question in reading order, with the modules they belong to."""

    items: list[Item]
    title: str
    #: questions outside the module folders (the authoring guide's examples): not course questions
    outside: list[str] = field(default_factory=list)

    def modules(self) -> list[tuple[str, str, list[Item]]]:
        """``(slug, title, items)`` per module, in order: slug ``module-06-mixing``."""
        out: dict[str, list[Item]] = {}
        for item in self.items:
            out.setdefault(item.module, []).append(item)
        return [(scope_slug(group), items[0].module_title, items) for group, items in out.items()]


def scope_slug(group: str) -> str:
    """``module-06-mixing`` for ``modules/06-mixing``; other documents: their path, dashed."""
    if group.startswith("modules/"):
        return "module-" + group.split("/", 1)[1]
    return group.replace("/", "-")


# -- HTML and text from docutils nodes -----------------------------------------------------

_INLINE_TAGS = {nodes.emphasis: "em", nodes.strong: "strong", nodes.literal: "code",
                nodes.subscript: "sub", nodes.superscript: "sup"}
_BLOCK_TAGS = {nodes.paragraph: "p", nodes.bullet_list: "ul", nodes.enumerated_list: "ol",
               nodes.list_item: "li", nodes.block_quote: "blockquote"}


def to_html(node: nodes.Node) -> str:  # noqa: C901 (one pass over the node types)
    """The node as the small HTML subset of the exports (unknown elements: their children)."""
    if isinstance(node, nodes.Text):
        return html.escape(node.astext().replace("\n", " "), quote=False)
    if isinstance(node, (nodes.system_message, nodes.comment, nodes.target, nodes.raw,
                         nodes.substitution_definition)):
        return ""
    if isinstance(node, nodes.math):
        return html.escape(f"\\({node.astext()}\\)", quote=False)
    if isinstance(node, nodes.math_block):
        return "<p>" + html.escape(f"\\[{node.astext()}\\]", quote=False) + "</p>"
    if isinstance(node, nodes.literal_block):
        return "<pre>" + html.escape(node.astext(), quote=False) + "</pre>"
    if isinstance(node, nodes.image):
        return ""
    inner = "".join(to_html(c) for c in node.children) if isinstance(node, nodes.Element) else ""
    for cls, tag in _INLINE_TAGS.items():
        if isinstance(node, cls):
            return f"<{tag}>{inner}</{tag}>"
    for cls, tag in _BLOCK_TAGS.items():
        if isinstance(node, cls):
            return f"<{tag}>{inner}</{tag}>"
    if isinstance(node, nodes.reference) and node.get("refuri", "").startswith("https://"):
        return f'<a href="{html.escape(node["refuri"])}">{inner}</a>'
    return inner


def to_text(node: nodes.Node) -> str:
    """The node's text with math written as ``\\(...\\)``; blocks joined by blank lines."""
    if isinstance(node, nodes.Text):
        return node.astext()
    if isinstance(node, nodes.math):
        return f"\\({node.astext()}\\)"
    if isinstance(node, nodes.math_block):
        return f"\\[{node.astext()}\\]"
    if isinstance(node, (nodes.system_message, nodes.comment, nodes.target,
                         nodes.substitution_definition, nodes.image)):
        return ""
    if not isinstance(node, nodes.Element):
        return ""
    parts = [to_text(c) for c in node.children]
    if isinstance(node, nodes.Inline):
        return "".join(parts)
    if isinstance(node, (nodes.paragraph, nodes.TextElement)) or not any(
            isinstance(c, nodes.Body) for c in node.children):
        return " ".join("".join(parts).split())
    return "\n\n".join(p for p in parts if p)


def _blocks_html(elements: list[nodes.Node]) -> str:
    return "".join(to_html(e) for e in elements)


def _blocks_text(elements: list[nodes.Node]) -> str:
    return "\n\n".join(t for t in (to_text(e) for e in elements) if t)


def _has_image(node: nodes.Node | None) -> bool:
    return node is not None and any(True for _ in node.findall(nodes.image))


# -- Building the bank -----------------------------------------------------------------------

def _title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def module_title(env: BuildEnvironment, group: str) -> str:
    """"Module 6: Mixing" for ``modules/06-mixing`` (from its index page), else the page title."""
    number = module_number(group + "/")
    if number is None:
        return _title(env, group)
    index = f"{group}/index"
    title = _title(env, index) if index in env.titles else group.split("/", 1)[1]
    prefix = f"Module {number}"
    return title if title.startswith(prefix) else f"{prefix}: {title}"


def _audio_ref(app: Sphinx, env: BuildEnvironment, audio_id: str | None,
               outdir: Path | None) -> AudioRef | None:
    if not audio_id:
        return None
    from course.urls import online_url

    example = (audio_examples(env) or {}).get(audio_id)
    if example is None:
        return None
    file = example.file
    return AudioRef(id=audio_id, title=getattr(example, "title", audio_id), file=file,
                    path=(outdir / file) if outdir is not None else None,
                    url=online_url(app.config, file))


def _question_nodes(env: BuildEnvironment, docname: str) -> dict[int, quiz_question]:
    doctree = env.get_doctree(docname)
    return {q["index"]: q for q in doctree.findall(quiz_question)}


def _verdict(correct: bool, statement: str) -> str:
    if correct:
        return "<p><strong>Correct.</strong></p>"
    return f"<p><strong>Not correct.</strong> {html.escape(statement, quote=False)}.</p>"


def make_item(app: Sphinx, env: BuildEnvironment, rec: QuestionRecord, number: str,
              node: quiz_question, outdir: Path | None) -> Item:
    """One :class:`Item` from a record and its question node."""
    prompt = child(node, quiz_prompt)
    answer = child(node, quiz_answer)
    explanation = child(answer, quiz_explanation) if answer is not None else None
    model = child(answer, quiz_model_answer) if answer is not None else None
    statement = child(answer, quiz_answer_statement) if answer is not None else None
    prompt_children = list(prompt.children) if prompt is not None else []
    expl_children = list(explanation.children) if explanation is not None else []
    group = numbering_group(rec.docname)
    item = Item(
        id=rec.id, number=number, type=rec.type, docname=rec.docname, line=rec.line,
        module=group, module_title=module_title(env, group),
        lesson_title=_title(env, rec.docname),
        prompt_html=_blocks_html(prompt_children), prompt_text=_blocks_text(prompt_children),
        explanation_html=_blocks_html(expl_children),
        explanation_text=_blocks_text(expl_children),
        model_answer_html=_blocks_html(list(model.children)) if model is not None else "",
        model_answer_text=_blocks_text(list(model.children)) if model is not None else "",
        statement_text=to_text(statement) if statement is not None else "",
        audio_id=rec.audio or None,
        audio=_audio_ref(app, env, rec.audio, outdir),
        has_image=_has_image(prompt),
    )
    statement_plain = item.statement_text
    for option in node.findall(quiz_option):
        correct = bool(option["correct"])
        feedback = _verdict(correct, statement_plain) + item.explanation_html
        item.choices.append(Choice(
            letter=option["letter"], html=_blocks_html(list(option.children)),
            text=_blocks_text(list(option.children)), correct=correct,
            feedback_html=feedback))
        item.has_image = item.has_image or _has_image(option)
    if rec.type == "numeric":
        item.answer = spec.parse_number(rec.answer or "")
        item.answer_text = spec.display_number(rec.answer or "").replace(spec.MINUS, "-")
        item.unit = rec.unit if rec.unit not in (None, "none") else None
        item.tolerance_text = (rec.tolerance or "").replace(spec.MINUS, "-")
        item.tolerance = node.get("tolerance_abs")
        if item.tolerance is None and item.answer is not None:
            relative = item.tolerance_text.endswith("%")
            value = spec.parse_number(item.tolerance_text.rstrip("%")) or 0.0
            item.tolerance = abs(item.answer) * value / 100 if relative else value
        question = spec.Question(id=rec.id, type="numeric", correct=[], answer=rec.answer,
                                 unit=rec.unit, tolerance=rec.tolerance,
                                 relative=item.tolerance_text.endswith("%"))
        item.hint = spec.numeric_hint(question)
    return item


def build_bank(app: Sphinx, env: BuildEnvironment, outdir: Path | None = None) -> Bank:
    """Every question of the course's modules, in reading order, as :class:`Item` records.

    Questions outside ``modules/`` (the examples of the authoring guide) are not part of the
    course's bank; their ids are listed in :attr:`Bank.outside` (and logged)."""
    domain = quiz_domain(env)
    order = doc_order(env, app.config.root_doc)
    items: list[Item] = []
    outside: list[str] = []
    for docname in sorted(domain.questions, key=lambda d: doc_key(order, d)):
        if module_number(docname) is None:
            outside += [rec.id for rec in domain.questions[docname]]
            continue
        by_index = _question_nodes(env, docname)
        for index, rec in enumerate(domain.questions[docname]):
            node = by_index.get(index)
            if node is None:
                continue
            items.append(make_item(app, env, rec, domain.number_of(docname, index), node, outdir))
    return Bank(items=items, title=app.config.project, outside=outside)


def format_number(value: float) -> str:
    """A number without a trailing ``.0`` and without float noise (``0.30000000000000004``)."""
    return f"{value:.10g}"


def moodle_fraction(percent: float) -> float | None:
    """The Moodle grade fraction nearest to *percent* (within 0.001), or None."""
    for allowed in MOODLE_FRACTIONS:
        if abs(abs(percent) - allowed) < 0.001:
            return math.copysign(allowed, percent)
    return None


def fraction_text(percent: float) -> str:
    """A grade percentage as Moodle writes it: "100", "50", "33.33333", "-33.33333"."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# -- What a format can express ------------------------------------------------------------

@dataclass
class Context:
    """What every format needs besides the items."""

    baseurl: str | None = None          #: html_baseurl, for links to the online edition
    project: str = "Course"

    def page_url(self, docname: str) -> str | None:
        """The online address of a page (``<html_baseurl>/<docname>.html``), or None."""
        if not self.baseurl:
            return None
        return self.baseurl.rstrip("/") + "/" + docname + ".html"


@dataclass
class Outcome:
    """What one file of one format holds: the items written, and those left out and why."""

    included: list[Item] = field(default_factory=list)
    left_out: list[tuple[Item, str]] = field(default_factory=list)
    notes: list[tuple[Item, str]] = field(default_factory=list)   #: e.g. a clip linked, not carried


def common_problem(item: Item, *, carries_audio: bool) -> str | None:
    """A reason that holds in every format, or None."""
    if item.has_image:
        return "its prompt or an option shows an image, which the exports do not carry"
    if carries_audio and item.has_audio:
        if item.audio is None:
            return "its audio example is unknown"
        if item.audio.path is not None and not item.audio.path.is_file():
            return f"its audio file {item.audio.file} was not rendered"
    return None


def fraction_problem(item: Item, fmt: str) -> str | None:
    """Moodle XML and GIFT score with Moodle's grade fractions (1/1..1/10, 1/20)."""
    if item.type == "multiple" and moodle_fraction(item.fraction) is None:
        return (f"its {item.correct_count} correct options would each be worth "
                f"{fraction_text(item.fraction)}%, which is not one of Moodle's grade "
                f"fractions (1/1 to 1/10, 1/20), so {fmt} cannot score it as the course does")
    return None


def select(items: list[Item], unsupported) -> Outcome:
    """Split *items* with a format's ``unsupported(item) -> str | None``."""
    outcome = Outcome()
    for item in items:
        reason = unsupported(item)
        if reason:
            outcome.left_out.append((item, reason))
        else:
            outcome.included.append(item)
    return outcome

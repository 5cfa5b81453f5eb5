"""Moodle XML: the whole bank with categories, feedback, units and embedded audio.

One ``<question type="category">`` per module and per lesson
(``$course$/top/<course>/<module>/<lesson>``), then the lesson's questions:

=============  ===========================================================================
course type    Moodle question
=============  ===========================================================================
single         ``multichoice``, ``<single>true</single>``, 100 % on the correct option
listening      the same, with the clip embedded as ``<file encoding="base64">`` and played
               by an ``<audio>`` element in the question text (``@@PLUGINFILE@@/name``)
multiple       ``multichoice``, ``<single>false</single>``, each correct option +100/n %,
               each wrong option -100/n % (n correct options; Moodle floors the total at 0)
true-false     ``truefalse``
numeric        ``numerical``: the answer with an absolute ``<tolerance>`` (a relative
               tolerance is converted), a ``*`` catch-all with the explanation, and the unit
               as an optional unit (multiplier 1): "88" and "88 dB SPL" are both accepted
short          ``essay`` with the model answer as the grader information (graded by hand)
=============  ===========================================================================

Every option carries per-option feedback (whether it is right, the answer, the explanation);
the general feedback is the answer statement, the model answer and the explanation.
"""

from __future__ import annotations

import base64

from lxml import etree

from lms.model import Context, Item, Outcome, common_problem, format_number, fraction_problem, fraction_text, select

FORMAT = "Moodle XML"
PENALTY = "0.3333333"


def unsupported(item: Item) -> str | None:
    """Why *item* cannot be written as Moodle XML, or None."""
    return common_problem(item, carries_audio=True) or fraction_problem(item, FORMAT)


def _text(parent: etree._Element, tag: str, value: str, *, html: bool = True,
          **attrs: str) -> etree._Element:
    """``<tag format="html"><text>value</text></tag>`` (CDATA for HTML, as Moodle writes)."""
    element = etree.SubElement(parent, tag, **({"format": "html"} if html else {}), **attrs)
    text = etree.SubElement(element, "text")
    text.text = etree.CDATA(value) if html and value and "]]>" not in value else value
    return element


def category_path(ctx: Context, *parts: str) -> str:
    """``$course$/top/<course>/<module>/<lesson>``; a ``/`` inside a name is doubled."""
    return "/".join(["$course$", "top", *(p.replace("/", "//") for p in (ctx.project, *parts))])


def _category(quiz: etree._Element, path: str) -> None:
    question = etree.SubElement(quiz, "question", type="category")
    _text(question, "category", path, html=False)
    _text(question, "info", "")


def _audio_html(item: Item) -> str:
    from course.player import player_html

    assert item.audio is not None
    src = f"@@PLUGINFILE@@/{item.audio.name}"
    return "<p>" + player_html(src, label=item.audio.title, css_class=None,
                               fallback=f"{item.audio.title} ({item.audio.name})") + "</p>"


def _question(quiz: etree._Element, item: Item) -> None:  # noqa: C901 (one branch per type)
    qtype = {"single": "multichoice", "listening": "multichoice", "multiple": "multichoice",
             "true-false": "truefalse", "numeric": "numerical", "short": "essay"}[item.type]
    question = etree.SubElement(quiz, "question", type=qtype)
    _text(question, "name", item.name, html=False)
    prompt = item.prompt_html
    if item.has_audio:
        prompt += _audio_html(item)
    if item.type == "numeric":
        prompt += f"<p><em>{item.hint}</em></p>"
    questiontext = _text(question, "questiontext", prompt)
    if item.audio is not None and item.audio.path is not None:
        data = base64.b64encode(item.audio.path.read_bytes()).decode("ascii")
        file = etree.SubElement(questiontext, "file", name=item.audio.name, path="/",
                                encoding="base64")
        file.text = data
    _text(question, "generalfeedback", item.general_feedback_html)
    etree.SubElement(question, "defaultgrade").text = "1"
    etree.SubElement(question, "penalty").text = PENALTY if item.type != "short" else "0"
    etree.SubElement(question, "hidden").text = "0"
    etree.SubElement(question, "idnumber").text = item.id
    if qtype == "multichoice":
        single = item.type != "multiple"
        etree.SubElement(question, "single").text = "true" if single else "false"
        etree.SubElement(question, "shuffleanswers").text = "false"
        etree.SubElement(question, "answernumbering").text = "ABCD"
        etree.SubElement(question, "showstandardinstruction").text = "1"
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text(question, tag, "")
        share = item.fraction
        for choice in item.choices:
            if single:
                fraction = "100" if choice.correct else "0"
            else:
                fraction = fraction_text(share if choice.correct else -share)
            answer = _text(question, "answer", choice.html, fraction=fraction)
            _text(answer, "feedback", choice.feedback_html)
    elif qtype == "truefalse":
        for choice in item.choices:
            answer = _text(question, "answer", choice.text.lower(), html=False,
                           fraction="100" if choice.correct else "0")
            answer.set("format", "moodle_auto_format")
            _text(answer, "feedback", choice.feedback_html)
    elif qtype == "numerical":
        assert item.answer is not None and item.tolerance is not None
        right = _text(question, "answer", item.answer_text or format_number(item.answer),
                      html=False, fraction="100")
        right.set("format", "moodle_auto_format")
        etree.SubElement(right, "tolerance").text = format_number(item.tolerance)
        _text(right, "feedback", "<p><strong>Correct.</strong></p>" + item.explanation_html)
        wrong = _text(question, "answer", "*", html=False, fraction="0")
        wrong.set("format", "moodle_auto_format")
        etree.SubElement(wrong, "tolerance").text = "0"
        _text(wrong, "feedback", f"<p><strong>Not correct.</strong> {_esc(item.statement_text)}.</p>"
              + item.explanation_html)
        etree.SubElement(question, "unitgradingtype").text = "0"
        etree.SubElement(question, "unitpenalty").text = "0.1000000"
        etree.SubElement(question, "showunits").text = "0" if item.unit else "3"
        etree.SubElement(question, "unitsleft").text = "0"
        if item.unit:
            units = etree.SubElement(question, "units")
            unit = etree.SubElement(units, "unit")
            etree.SubElement(unit, "multiplier").text = "1"
            etree.SubElement(unit, "unit_name").text = item.unit
    else:  # essay
        etree.SubElement(question, "responseformat").text = "editor"
        etree.SubElement(question, "responserequired").text = "1"
        etree.SubElement(question, "responsefieldlines").text = "10"
        etree.SubElement(question, "attachments").text = "0"
        etree.SubElement(question, "attachmentsrequired").text = "0"
        _text(question, "graderinfo", item.model_answer_html + item.explanation_html)
        _text(question, "responsetemplate", "")


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def export(items: list[Item], ctx: Context) -> tuple[bytes, Outcome]:
    """The Moodle XML file of *items*, and what it holds."""
    outcome = select(items, unsupported)
    quiz = etree.Element("quiz")
    quiz.append(etree.Comment(
        f" {ctx.project}: {len(outcome.included)} questions for Moodle (Question bank > Import > "
        f"Moodle XML format). Left out: {len(outcome.left_out)}. "))
    module = lesson = None
    for item in outcome.included:
        if item.module_title != module:
            module, lesson = item.module_title, None
            _category(quiz, category_path(ctx, module))
        if item.lesson_title != lesson:
            lesson = item.lesson_title
            _category(quiz, category_path(ctx, module, lesson))
        _question(quiz, item)
    for item, reason in outcome.left_out:
        quiz.append(etree.Comment(f" left out: {item.name}: {reason.replace('--', '- -')} "))
    data = etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, outcome

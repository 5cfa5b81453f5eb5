"""What a question says, checked: pure data and rules, no docutils nodes, no Sphinx.

:class:`QuestionInput` holds what the author wrote (the directive's options and plain texts of
its parts); :func:`check_question` applies every rule, in order, and returns the checked
:class:`Question` or the list of problems (each reported as ``quiz question 'id': problem`` at
the directive's file and line). The texts that the build writes ("Give the value in m, within
±2%.", "Correct answer: 3.43 m (accepted within ±2%)") are made here too, so that they can be
tested without building a project.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

TYPES = ("single", "multiple", "true-false", "numeric", "short", "listening")
CHOICE_TYPES = ("single", "multiple", "listening")
ONE_ANSWER_TYPES = ("single", "listening")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MINUS = "\u2212"

#: A question or quiz id: letters, digits, ``_ . -``; starts and ends with a letter or digit.
ID_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$")
#: ``[x]`` or ``[ ]`` at the start of an option.
MARKER_RE = re.compile(r"^\[([ xX])\]\s*")
NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> float | None:
    """A finite number written in decimal or scientific notation (the real minus sign is
    accepted), else None."""
    text = text.strip().replace(MINUS, "-")
    if not NUMBER_RE.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def display_number(text: str) -> str:
    """A number as written, with the real minus sign."""
    text = text.strip()
    return MINUS + text[1:] if text.startswith("-") else text


def normalize_type(value: str | None) -> str:
    """The ``:type:`` option, lower case; ``single`` when it is not given."""
    return (value or "single").strip().lower()


def takes_options(qtype: str) -> bool:
    """Whether questions of this type have an option list."""
    return qtype in CHOICE_TYPES


def check_quiz_id(value: str) -> str | None:
    """The problem with a quiz's ``:id:``, or None."""
    if not ID_RE.match(value):
        return f"quiz :id: {value!r} is not valid: use letters, digits and hyphens"
    return None


def question_id(given: str | None, prompt: str) -> str:
    """The question's id: the given one, or a slug of the first eight words of the prompt."""
    from docutils.nodes import make_id

    return (given or "").strip() or make_id(" ".join(prompt.split()[:8])) or "question"


@dataclass
class OptionInput:
    """One option as written: its plain text, and its marker (True ``[x]``, False ``[ ]``,
    None: no marker)."""

    text: str
    marked: bool | None = None


@dataclass
class QuestionInput:
    """What the author wrote in one ``.. question::``."""

    type: str | None = None               #: ``:type:`` as written (None: not given)
    id: str | None = None                 #: ``:id:`` as written (None: not given)
    prompt: str = ""                      #: plain text of the argument and the prompt body
    options: list[OptionInput] | None = None   #: the option list, None when there is none
    stray_option_list: bool = False       #: a non-choice question has a ``[x]``/``[ ]`` list
    answer: str | None = None
    unit: str | None = None
    tolerance: str | None = None
    audio: str | None = None
    explanations: list[str] = field(default_factory=list)   #: texts of the blocks
    model_answers: list[str] = field(default_factory=list)  #: texts of the blocks
    in_quiz: bool = True                  #: placed directly inside a ``.. quiz::``


@dataclass
class Question:
    """A checked question."""

    id: str
    type: str
    correct: list[int]                    #: indexes of the correct options (true-false: 0/1)
    answer: str | None = None             #: true-false: "true"/"false"; numeric: as written
    unit: str | None = None               #: numeric: the unit as written ("none" allowed)
    tolerance: str | None = None          #: numeric: as written ("0.005", "2%")
    audio: str | None = None
    answer_value: float | None = None     #: numeric
    tolerance_abs: float | None = None    #: numeric: absolute tolerance
    relative: bool = False                #: numeric: the tolerance is a percentage

    @property
    def letters(self) -> list[str]:
        return [LETTERS[i] for i in self.correct]

    @property
    def display_unit(self) -> str | None:
        """The unit to show (None for a pure number)."""
        return None if self.unit in (None, "none") else self.unit


def _strip(value: str | None) -> str | None:
    return value.strip() if value is not None else None


def check_question(data: QuestionInput) -> tuple[Question | None, list[str]]:  # noqa: C901
    """Apply every rule (in the order an author reads them); return the question, or None
    and the problems."""
    problems: list[str] = []
    qtype = normalize_type(data.type)
    if qtype not in TYPES:
        problems.append(f"unknown question :type: {qtype!r}; use one of: {', '.join(TYPES)}")
    if not data.in_quiz:
        problems.append('a question must be placed directly inside a ".. quiz::"')
    if data.stray_option_list:
        problems.append(
            f"a {qtype} question takes no options: remove the [x]/[ ] list "
            f"(true-false uses :answer:, numeric :answer:/:unit:/:tolerance:, "
            f"short a model answer)")
    if not data.prompt.strip():
        problems.append("a question needs a prompt: the directive argument or a paragraph")

    given = _strip(data.id)
    if data.id is not None and not ID_RE.match(given or ""):
        problems.append(f":id: {given!r} is not valid: use letters, digits and hyphens "
                        f"(for example m06-ratio-output)")
    qid = question_id(given, data.prompt)

    options = data.options or []
    if takes_options(qtype):
        if data.options is None:
            problems.append(f"a {qtype} question needs a bullet list of options, the "
                            f"correct one(s) marked [x]")
        else:
            if len(options) > len(LETTERS):
                problems.append(f"too many options ({len(options)}; at most 26)")
            options = options[: len(LETTERS)]
            for i, option in enumerate(options):
                if not option.text.strip():
                    problems.append(f"option {LETTERS[i]} is empty")
            if len(options) < 2:
                problems.append(f"a {qtype} question needs at least two options")
    correct = [i for i, o in enumerate(options) if o.marked] if takes_options(qtype) else []
    if takes_options(qtype) and options:
        if not correct:
            problems.append("no correct answer: mark the correct option with [x]")
        elif qtype in ONE_ANSWER_TYPES and len(correct) > 1:
            letters = ", ".join(LETTERS[i] for i in correct)
            problems.append(
                f"a {qtype} question has exactly one correct answer, but "
                f"{len(correct)} options are marked [x] ({letters}); "
                f"use :type: multiple for choose-all-that-apply")

    answer, unit, tolerance = _strip(data.answer), _strip(data.unit), _strip(data.tolerance)
    audio = (data.audio or "").strip() or None
    answer_value = tol_value = None
    relative = False
    if qtype in (*CHOICE_TYPES, "short") and answer is not None:
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
            answer_value = parse_number(answer)
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
            tol_value = parse_number(tolerance[:-1] if relative else tolerance)
            if tol_value is None or tol_value < 0:
                problems.append(f":tolerance: {tolerance!r} is not a non-negative number "
                                f"(absolute) or percentage (relative, such as 2%)")
                tol_value = None
    if qtype == "listening" and not audio:
        problems.append("a listening question needs :audio: <audio-example id>")

    explanations, models = data.explanations, data.model_answers
    if not explanations:
        problems.append('an ".. explanation::" block is missing: say why the right '
                        'answer is right and the tempting wrong one is wrong')
    elif len(explanations) > 1:
        problems.append('a question has one ".. explanation::" block, not '
                        f"{len(explanations)}")
    elif not explanations[0].strip():
        problems.append('the ".. explanation::" block is empty')
    if qtype == "short":
        if not models:
            problems.append('a short question needs a ".. model-answer::" block')
        elif not models[0].strip():
            problems.append('the ".. model-answer::" block is empty')
    elif models:
        problems.append('".. model-answer::" is only for short questions')

    if problems:
        return None, [f"quiz question {qid!r}: {p}" for p in problems]
    question = Question(id=qid, type=qtype, correct=correct, answer=answer, unit=unit,
                        tolerance=tolerance, audio=audio)
    if qtype == "numeric":
        assert answer_value is not None and tol_value is not None
        question.answer_value = answer_value
        question.relative = relative
        question.tolerance_abs = abs(answer_value) * tol_value / 100 if relative else tol_value
    return question, []


def numeric_hint(question: Question) -> str:
    """What form of answer a numeric question expects."""
    unit = question.display_unit
    tol = display_number(question.tolerance or "")
    if parse_number(tol.rstrip("%")) == 0:
        return f"Give the exact value in {unit}." if unit else "Give the exact number."
    if unit:
        within = f"±{tol}" if question.relative else f"±{tol} {unit}"
        return f"Give the value in {unit}, within {within}."
    return f"Give a number, within ±{tol}."


def numeric_answer_text(question: Question) -> str:
    """The text after "Correct answer:" for a numeric question (with a leading space)."""
    unit = question.display_unit
    value = display_number(question.answer or "")
    tol = display_number(question.tolerance or "")
    if parse_number((question.tolerance or "").rstrip("%")) == 0:
        return f" {value} {unit} (exact)" if unit else f" {value} (exact)"
    if unit:
        return f" {value} {unit} (accepted within ±{tol}" + ("" if question.relative
                                                              else f" {unit}") + ")"
    return f" {value} (accepted within ±{tol})"

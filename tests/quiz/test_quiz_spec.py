"""ext/quiz/spec.py: the rules of a question, without building a project."""

from __future__ import annotations

import pytest

from quiz.spec import (
    OptionInput,
    QuestionInput,
    check_question,
    display_number,
    numeric_answer_text,
    numeric_hint,
    parse_number,
)


def single(**changes) -> QuestionInput:
    data = QuestionInput(prompt="Which tone is lower?",
                         options=[OptionInput("1 kHz", False), OptionInput("100 Hz", True)],
                         explanations=["Lower frequency, longer wavelength."])
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def numeric(answer="3.43", unit="m", tolerance="2%") -> QuestionInput:
    return QuestionInput(type="numeric", prompt="Wavelength of 100 Hz?", answer=answer,
                         unit=unit, tolerance=tolerance, explanations=["343 / 100."])


def test_a_valid_single_question():
    q, problems = check_question(single(id="m01-lower"))
    assert problems == []
    assert (q.id, q.type, q.correct, q.letters) == ("m01-lower", "single", [1], ["B"])


def test_the_id_defaults_to_a_slug_of_the_prompt():
    q, _ = check_question(single())
    assert q.id == "which-tone-is-lower"


@pytest.mark.parametrize(("changes", "problem"), [
    ({"options": [OptionInput("a", False), OptionInput("b", False)]},
     "no correct answer: mark the correct option with [x]"),
    ({"options": [OptionInput("a", True), OptionInput("b", True)]},
     "a single question has exactly one correct answer, but 2 options are marked [x] (A, B)"),
    ({"options": [OptionInput("a", True)]}, "a single question needs at least two options"),
    ({"options": [OptionInput("a", True), OptionInput(" ", False)]}, "option B is empty"),
    ({"options": [OptionInput("x", i == 0) for i in range(27)]},
     "too many options (27; at most 26)"),
    ({"options": None}, "a single question needs a bullet list of options"),
    ({"type": "essay"}, "unknown question :type: 'essay'"),
    ({"id": "has spaces"}, ":id: 'has spaces' is not valid"),
    ({"prompt": " "}, "a question needs a prompt"),
    ({"in_quiz": False}, 'a question must be placed directly inside a ".. quiz::"'),
    ({"explanations": []}, 'an ".. explanation::" block is missing'),
    ({"explanations": ["a", "b"]}, 'a question has one ".. explanation::" block, not 2'),
    ({"explanations": [" "]}, 'the ".. explanation::" block is empty'),
    ({"model_answers": ["x"]}, '".. model-answer::" is only for short questions'),
    ({"answer": "B"}, ":answer: is only for true-false and numeric questions"),
    ({"unit": "Hz"}, ":unit: and :tolerance: are only for numeric questions"),
    ({"type": "listening"}, "a listening question needs :audio:"),
])
def test_each_rule_names_the_problem(changes, problem):
    q, problems = check_question(single(**{"id": "q1", **changes}))
    assert q is None
    assert any(p.startswith("quiz question ") and problem in p for p in problems), problems


def test_true_false():
    data = QuestionInput(type="true-false", prompt="Warm air is faster.", answer="True",
                         explanations=["It is."])
    q, problems = check_question(data)
    assert problems == [] and q.answer == "true" and q.correct == [0]
    data.answer = "maybe"
    assert ":answer: 'maybe' of a true-false question must be true or false" in \
        check_question(data)[1][0]
    data.answer, data.stray_option_list = "false", True
    assert "a true-false question takes no options" in check_question(data)[1][0]


def test_numeric_relative_tolerance():
    q, problems = check_question(numeric())
    assert problems == []
    assert q.answer_value == 3.43 and q.relative
    assert q.tolerance_abs == pytest.approx(3.43 * 0.02)
    assert numeric_hint(q) == "Give the value in m, within ±2%."
    assert numeric_answer_text(q) == " 3.43 m (accepted within ±2%)"


def test_numeric_absolute_exact_and_unitless():
    q, _ = check_question(numeric(answer="-0.5", unit="none", tolerance="0.01"))
    assert q.display_unit is None and q.tolerance_abs == 0.01
    assert numeric_hint(q) == "Give a number, within ±0.01."
    assert numeric_answer_text(q) == " \u22120.5 (accepted within ±0.01)"
    q, _ = check_question(numeric(unit="dB", tolerance="0"))
    assert numeric_hint(q) == "Give the exact value in dB."
    assert numeric_answer_text(q) == " 3.43 dB (exact)"
    q, _ = check_question(numeric(unit="dB", tolerance="0.5"))
    assert numeric_hint(q) == "Give the value in dB, within ±0.5 dB."


@pytest.mark.parametrize(("changes", "problem"), [
    ({"answer": "three"}, ":answer: 'three' is not a number"),
    ({"answer": None}, "a numeric question needs :answer: (a number)"),
    ({"unit": None}, "a numeric question needs :unit:"),
    ({"tolerance": None}, "a numeric question needs :tolerance:"),
    ({"tolerance": "a bit"}, ":tolerance: 'a bit' is not a non-negative number"),
    ({"tolerance": "-1"}, ":tolerance: '-1' is not a non-negative number"),
])
def test_numeric_rules(changes, problem):
    q, problems = check_question(numeric(**changes))
    assert q is None and any(problem in p for p in problems), problems


def test_short_needs_a_model_answer():
    data = QuestionInput(type="short", prompt="Why?", explanations=["Because."])
    assert 'a short question needs a ".. model-answer::" block' in check_question(data)[1][0]
    data.model_answers = ["It bends."]
    assert check_question(data)[1] == []


def test_numbers():
    assert parse_number("\u22121.5e3") == -1500.0
    assert parse_number("1,5") is None and parse_number("inf") is None
    assert parse_number("1e999") is None  # not finite
    assert display_number("-3") == "\u22123"

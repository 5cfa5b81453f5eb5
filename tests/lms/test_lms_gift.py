"""GIFT: read back with the strict grammar of gift_grammar.py; the grammar itself fails on
each kind of malformed input."""

from __future__ import annotations

import pytest

import lms_expected as expected
import lms_gift_grammar as gift_grammar
from lms_helpers import html_text, question_id


def _parsed(build):
    return {question_id(q.title): q for q in gift_grammar.parse(build.file("course-gift.txt").read_text("utf-8"))}


def test_round_trip(lms_build):
    questions = _parsed(lms_build)
    # Without html_baseurl the listening question has no clip to link to: left out, and said so.
    assert set(questions) == set(expected.ALL) - expected.AUDIO
    text = lms_build.file("course-gift.txt").read_text("utf-8")
    assert f"// left out: 2.9 {expected.LISTENING}: GIFT cannot carry an audio file" in text
    for qid, (options, correct) in expected.CHOICES.items():
        if qid == expected.LISTENING:
            continue
        q = questions[qid]
        assert q.kind == "choice" and q.format == "html"
        assert [html_text(c.text) for c in q.choices] == options
        share = 100 / len(correct)
        for i, choice in enumerate(q.choices):
            want = 100 if (i in correct and qid != "t-multiple") else (
                share if i in correct else (-share if qid == "t-multiple" else 0))
            assert abs(choice.fraction - want) < 1e-4
            assert choice.feedback
    assert questions["t-true-false"].kind == "truefalse" and questions["t-true-false"].truth is True
    assert "Not correct." in questions["t-true-false"].feedback_wrong
    for qid, (answer, tolerance, unit) in expected.NUMERIC.items():
        if qid in expected.AUDIO:
            continue
        q = questions[qid]
        assert (q.kind, q.answer) == ("numeric", answer)
        assert abs(q.tolerance - tolerance) < 1e-9
        if unit:  # GIFT has no unit field: the prompt names it
            assert f"in {unit}," in html_text(q.text)
    assert questions["t-short"].kind == "essay"
    assert expected.SHORT["t-short"] in html_text(questions["t-short"].general)
    lesson = f"$course$/top/LMS test/{expected.MODULE}/{expected.LESSONS[0]}"
    assert {q.category for q in questions.values()} == {lesson}


def test_escaping_fixture(lms_build):
    q = _parsed(lms_build)["t-escaping"]
    assert html_text(q.text) == expected.ESCAPED_PROMPT
    assert expected.ESCAPED_EXPLANATION in html_text(q.general)


def test_listening_question_is_linked_when_the_site_address_is_known(lms_linked):
    questions = _parsed(lms_linked)
    for qid in expected.AUDIO:
        assert "https://course.example.org/_audio/" in questions[qid].text and ".mp3" in questions[qid].text
    assert f"// linked: 2.9 {expected.LISTENING}: linked to https://course.example.org/_audio/" in (
        lms_linked.file("course-gift.txt").read_text("utf-8"))
    assert "lms: GIFT: question 2.9 t-listening" in lms_linked.status


@pytest.mark.parametrize("source, problem", [
    ("::a::Is 1 = 1? {TRUE}", "unescaped '='"),
    ("::a::Text {=right ~wrong", "no answer block"),
    ("::a::Text {#3.4}", "numeric answer must be"),
    ("::a::Text {=a#one#two}", "more than one feedback"),
    ("::a::Text {=a} tail", "text after the answer block"),
    ("::a::Text \\q {=a}", "unknown escape"),
    ("Text {=a}", "no ::title::"),
    ("$CATEGORY: x\n::a::T {=a}", "must stand alone"),
])
def test_grammar_rejects_malformed_gift(source, problem):
    with pytest.raises(gift_grammar.GiftError, match=problem):
        gift_grammar.parse(source)

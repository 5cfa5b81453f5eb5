"""Moodle XML round trip: ``moodle-xml-parser`` (PyPI) reads the choice questions; lxml reads
the rest strictly; every answer, tolerance, unit, category and clip survives."""

from __future__ import annotations

import base64
import contextlib
import io

from lxml import etree
from moodle_xml_parser.parser import parse_bytes

import lms_expected as expected
from lms_helpers import html_text, question_id


def _questions(path):
    root = etree.parse(str(path)).getroot()
    assert root.tag == "quiz"
    return root.findall("question")


def test_independent_parser_reads_every_choice_question(lms_build):
    data = lms_build.file("course-moodle.xml").read_bytes()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):  # the parser prints its errors and goes on
        parsed = parse_bytes(data)
    assert printed.getvalue() == ""
    by_id = {question_id(q.name): q for q in parsed["multichoice"]}
    assert set(by_id) == set(expected.CHOICES)
    for qid, (options, correct) in expected.CHOICES.items():
        question = by_id[qid]
        # The parser returns the HTML with its entities decoded: compare inside the <p>.
        assert [o.answer.removeprefix("<p>").removesuffix("</p>") for o in question.options] == options
        multiple = qid == "t-multiple"
        assert question.single is (not multiple)
        share = 100 / len(correct)
        for i, option in enumerate(question.options):
            want = (share if i in correct else (-share if multiple else 0))
            assert abs(option.score_fraction - want) < 1e-4, (qid, i)
            assert option.feedback and ("Correct." if i in correct else "Not correct.") in option.feedback
        assert sum(o.score_fraction for o in question.options if o.score_fraction > 0) == 100


def test_every_type_and_count(lms_build):
    questions = _questions(lms_build.file("course-moodle.xml"))
    real = [q for q in questions if q.get("type") != "category"]
    assert len(real) == expected.COUNT
    types = {question_id(q.findtext("name/text")): q.get("type") for q in real}
    assert types["t-true-false"] == "truefalse"
    assert types["t-short"] == "essay"
    assert {types[q] for q in expected.NUMERIC} == {"numerical"}
    for q in real:
        assert q.findtext("idnumber") == question_id(q.findtext("name/text"))
        assert html_text(q.findtext("generalfeedback/text"))


def test_numeric_answer_tolerance_and_unit(lms_build):
    by_id = {question_id(q.findtext("name/text")): q for q in _questions(lms_build.file("course-moodle.xml"))
             if q.get("type") == "numerical"}
    for qid, (answer, tolerance, unit) in expected.NUMERIC.items():
        q = by_id[qid]
        right = [a for a in q.findall("answer") if a.get("fraction") == "100"]
        assert len(right) == 1
        assert float(right[0].findtext("text")) == answer
        assert abs(float(right[0].findtext("tolerance")) - tolerance) < 1e-9
        catch_all = [a for a in q.findall("answer") if a.findtext("text") == "*"]
        assert len(catch_all) == 1 and catch_all[0].get("fraction") == "0"
        units = [u.findtext("unit_name") for u in q.findall("units/unit")]
        assert units == ([unit] if unit else [])
        assert q.findtext("unitgradingtype") == "0"  # the unit is optional, never penalized


def test_true_false_and_essay(lms_build):
    by_id = {question_id(q.findtext("name/text")): q for q in _questions(lms_build.file("course-moodle.xml"))
             if q.get("type") != "category"}
    tf = by_id["t-true-false"]
    fractions = {a.findtext("text"): a.get("fraction") for a in tf.findall("answer")}
    assert fractions == {"true": "100", "false": "0"}
    essay = by_id["t-short"]
    assert expected.SHORT["t-short"] in html_text(essay.findtext("graderinfo/text"))


def test_categories_per_module_and_lesson(lms_build):
    questions = _questions(lms_build.file("course-moodle.xml"))
    paths = [q.findtext("category/text") for q in questions if q.get("type") == "category"]
    top = "$course$/top/LMS test"
    assert paths == [f"{top}/{expected.MODULE}", f"{top}/{expected.MODULE}/{expected.LESSONS[0]}",
                     f"{top}/{expected.MODULE}/{expected.LESSONS[1]}"]


def test_every_question_with_a_clip_embeds_its_mp3(lms_build):
    by_id = {question_id(q.findtext("name/text")): q for q in _questions(lms_build.file("course-moodle.xml"))
             if q.get("type") != "category"}
    assert {qid for qid, q in by_id.items() if q.findall("questiontext/file")} == expected.AUDIO
    for qid in sorted(expected.AUDIO):
        _check_clip(lms_build, by_id[qid])


def _check_clip(lms_build, question):
    files = question.findall("questiontext/file")
    assert len(files) == 1
    name = files[0].get("name")
    assert files[0].get("encoding") == "base64" and name.endswith(".mp3")
    assert f"@@PLUGINFILE@@/{name}" in question.findtext("questiontext/text")
    clip = (lms_build.outdir / "_audio" / name).read_bytes()
    assert base64.b64decode(files[0].text) == clip


def test_escaping_fixture(lms_build):
    by_id = {question_id(q.findtext("name/text")): q for q in _questions(lms_build.file("course-moodle.xml"))
             if q.get("type") != "category"}
    question = by_id["t-escaping"]
    assert html_text(question.findtext("questiontext/text")) == expected.ESCAPED_PROMPT
    assert expected.ESCAPED_EXPLANATION in html_text(question.findtext("generalfeedback/text"))
    assert [html_text(a.findtext("text")) for a in question.findall("answer")] == expected.CHOICES["t-escaping"][0]

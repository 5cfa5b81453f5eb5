"""The whole course's exports (from the shared session build, tests/conftest.py ``course``):
every question of the bank is in each file or named as left out, the guide's table agrees
with the files, the module files add up to the course file, and the independent parsers read
them."""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from moodle_xml_parser.parser import parse_bytes

import lms_gift_grammar as gift_grammar
from lms_helpers import question_id, zip_entries

FORMATS = {"Moodle XML": "-moodle.xml", "GIFT": "-gift.txt", "QTI 1.2": "-qti12.zip",
           "Common Cartridge 1.3": "-cc13.imscc"}
LEFT_OUT = re.compile(r"left out: \S+ (\S+): ")


@pytest.fixture(scope="module")
def with_audio(course, bank) -> set[str]:
    """The questions whose page shows a player inside the question (any type may)."""
    found = set()
    for page in sorted((course.html / "modules").rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        found |= {n["data-qid"] for n in soup.select(".quiz-question[data-qid]") if n.find("audio")}
    assert found and found <= set(bank)
    return found


@pytest.fixture(scope="module")
def bank(course) -> dict[str, str]:
    """``{question id: type}`` of every question on the module pages (the authoring guide's
    examples are not course questions)."""
    assert course.returncodes["html"] == 0, course.warnings["html"][-3000:]
    found: dict[str, str] = {}
    for page in sorted((course.html / "modules").rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for node in soup.select(".quiz-question[data-qid]"):
            found[node["data-qid"]] = node["data-type"]
    assert len(found) > 400
    return found


def _contents(path) -> tuple[list[str], list[str]]:
    """The question ids a file holds, and those it names as left out."""
    if path.suffix == ".xml":
        root = etree.parse(str(path)).getroot()
        held = [question_id(q.findtext("name/text")) for q in root.findall("question")
                if q.get("type") != "category"]
        notes = [c.text for c in root.iter(etree.Comment)]
        return held, [m.group(1) for c in notes for m in [LEFT_OUT.search(c)] if m]
    if path.suffix == ".txt":
        text = path.read_text("utf-8")
        held = [question_id(q.title) for q in gift_grammar.parse(text)]
        return held, [m.group(1) for line in text.splitlines() if line.startswith("// left out:")
                      for m in [LEFT_OUT.search(line)] if m]
    entries = zip_entries(path)
    held = [i.get("ident") for name, data in sorted(entries.items())
            if name.endswith(".xml") and name != "imsmanifest.xml" and not name.startswith("weblinks/")
            for i in etree.fromstring(data).iter("{*}item")]
    return held, []


def test_every_question_is_in_each_file_or_named(course, bank):
    folder = course.html / "downloads" / "instructor"
    guide = BeautifulSoup((course.html / "instructors" / "index.html").read_text("utf-8"), "html.parser")
    rows = {tr.find_all("td")[0].get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in guide.find(id="lms-counts").find("tbody").find_all("tr")}
    assert str(len(bank)) in guide.find(id="lms-counts").find("caption").get_text()
    for label, suffix in FORMATS.items():
        held, named = _contents(folder / f"course{suffix}")
        assert len(held) == len(set(held))
        assert set(held) <= set(bank)
        missing = set(bank) - set(held)
        if named or suffix.endswith(".xml") or suffix.endswith(".txt"):
            assert set(named) == missing, label      # nobody left out silently
        assert rows[label][1:3] == [str(len(held)), str(len(missing))], label
    # What each format cannot carry, by type: the counts that the guide explains.
    qti_held, _ = _contents(folder / "course-qti12.zip")
    assert len(qti_held) == len(bank)
    cc_held, _ = _contents(folder / "course-cc13.imscc")
    assert {bank[q] for q in set(bank) - set(cc_held)} <= {"numeric"}
    assert Counter(bank[q] for q in set(bank) - set(cc_held))["numeric"] == Counter(bank.values())["numeric"]


def test_module_files_add_up_to_the_course_file(course):
    folder = course.html / "downloads" / "instructor"
    for suffix in FORMATS.values():
        whole, _ = _contents(folder / f"course{suffix}")
        parts = [q for path in sorted(folder.glob(f"module-*{suffix}")) for q in _contents(path)[0]]
        assert sorted(parts) == sorted(whole), suffix
    assert len(list(folder.glob("module-*-moodle.xml"))) >= 11


def test_independent_moodle_parser_reads_the_course(course, bank):
    data = (course.html / "downloads" / "instructor" / "course-moodle.xml").read_bytes()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        parsed = parse_bytes(data)
    assert printed.getvalue() == ""
    choice_types = {"single", "multiple", "listening"}
    held = {question_id(q.name) for q in parsed["multichoice"]}
    assert held == {q for q, t in bank.items() if t in choice_types}
    for question in parsed["multichoice"]:
        assert abs(sum(o.score_fraction for o in question.options if o.score_fraction > 0) - 100) < 0.01
        assert all(o.feedback for o in question.options)


def test_every_clip_is_embedded(course, bank, with_audio):
    root = etree.parse(str(course.html / "downloads" / "instructor" / "course-moodle.xml")).getroot()
    held = {question_id(q.findtext("name/text")) for q in root.findall("question")
            if q.find("questiontext/file") is not None}
    assert held == with_audio
    assert {q for q, t in bank.items() if t == "listening"} <= held
    for file in root.findall("question/questiontext/file"):
        assert (course.html / "_audio" / file.get("name")).is_file()

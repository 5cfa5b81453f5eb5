"""The labs in the course's lessons: every ``.. lab::`` names a known kind, and the lesson
states the lab's defaults in the text just before it (the kind's ``LESSON_FACTS``), so the
lesson's numbers and the lab's cannot drift apart. Runs on the sources, without a build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from labs.kinds import all_kinds
from sphinx_project import ROOT

LAB_RE = re.compile(r"^\.\. lab:: (\S+)\s*$", re.M)
#: How much text before a lab counts as "next to it" (characters).
WINDOW = 900


def lab_facts_problems(text: str, where: str) -> list[str]:
    """Problems with the labs in one lesson's text."""
    problems = []
    kinds = all_kinds()
    for match in LAB_RE.finditer(text):
        kind = match.group(1)
        line = text.count("\n", 0, match.start()) + 1
        if kind not in kinds:
            problems.append(f"{where}:{line}: unknown lab kind {kind!r}")
            continue
        before = " ".join(text[max(0, match.start() - WINDOW):match.start()].split())
        for fact in getattr(kinds[kind], "LESSON_FACTS", ()):
            if fact not in before:
                problems.append(f"{where}:{line}: the text before the {kind} lab does not "
                                f"say {fact!r} (its default)")
    return problems


def course_labs() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "docs").rglob("*.rst")):
        for kind in LAB_RE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(kind, []).append(path.relative_to(ROOT).as_posix())
    return found


def test_the_four_core_labs_are_in_their_lessons():
    found = course_labs()
    assert found.get("comb") == ["docs/modules/01-sound-and-hearing/harmonics-timbre-phase.rst"]
    assert found.get("room-modes") == ["docs/modules/01-sound-and-hearing/rooms-and-acoustics.rst"]
    assert found.get("sampling") == ["docs/modules/02-digital-audio/bit-depth-and-dither.rst"]
    assert found.get("synth") == [
        "docs/modules/05-production-and-sound-design/subtractive-synthesis.rst"]


def test_every_registered_kind_is_used_in_the_course():
    assert sorted(set(all_kinds()) - set(course_labs())) == []


@pytest.mark.parametrize("path", sorted({p for ps in course_labs().values() for p in ps}))
def test_lessons_state_their_labs_defaults(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    assert lab_facts_problems(text, path) == []


def test_a_lesson_with_other_numbers_fails():
    text = ("A 2 ms delay with the copy at 100 % puts the first notch at 250 Hz.\n\n"
            ".. lab:: comb\n   :id: m01-x\n\n   Question.\n\n.. lab:: banjo\n")
    problems = lab_facts_problems(text, "x.rst")
    assert any("'1 ms'" in p for p in problems) and any("banjo" in p for p in problems)

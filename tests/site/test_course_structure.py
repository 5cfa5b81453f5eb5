"""Every module has the shape the course promises (CONTRIBUTING.md, shared/lesson-shape.md).

A module counts as written once it has its answer key (``answers.rst``); until then its index
page must at least list its planned lessons.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = ROOT / "docs" / "modules"
FOLDERS = sorted(p for p in MODULES.iterdir() if p.is_dir())
WRITTEN = [p for p in FOLDERS if (p / "answers.rst").exists()]
TAIL = ["exercise", "review", "reading", "answers"]

#: Minimum audio examples per module (issues 5 and 6).
MIN_AUDIO = {"01": 6, "02": 6, "03": 3, "04": 3, "05": 8, "06": 8, "07": 8, "08": 3}

QUESTION = re.compile(r"^\s*\.\. question::", re.M)
AUDIO = re.compile(r"^\s*\.\. audio-example::", re.M)


def toctree_entries(index: Path) -> list[str]:
    lines = index.read_text(encoding="utf-8").splitlines()
    entries, inside = [], False
    for line in lines:
        if line.strip().startswith(".. toctree::"):
            inside = True
            continue
        if inside:
            if line.strip() and not line.startswith(" "):
                inside = False
                continue
            item = line.strip()
            if item and not item.startswith(":"):
                entries.append(item)
    return entries


def prose_words(text: str) -> int:
    """Words a reader reads: directive lines, options, labels and comments left out."""
    words = 0
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("..") or re.match(r"^:[\w-]+:( |$)", s) or set(s) <= set("=-~^*#+"):
            continue
        words += len(re.findall(r"[A-Za-z0-9][\w'’.,%−-]*", s))
    return words


def lessons(folder: Path) -> list[Path]:
    return [folder / f"{e}.rst" for e in toctree_entries(folder / "index.rst") if e not in TAIL]


def ids(folders):
    return [f.name for f in folders]


def test_twelve_module_folders():
    assert [f.name[:2] for f in FOLDERS] == [f"{n:02d}" for n in range(12)]


@pytest.mark.parametrize("folder", [f for f in FOLDERS if f not in WRITTEN],
                         ids=ids([f for f in FOLDERS if f not in WRITTEN]))
def test_unwritten_module_lists_its_planned_lessons(folder):
    text = (folder / "index.rst").read_text(encoding="utf-8")
    assert "Planned lessons" in text
    assert len(re.findall(r"^#\. ", text, re.M)) >= 3


@pytest.mark.parametrize("folder", WRITTEN, ids=ids(WRITTEN))
class TestWrittenModule:
    def test_toctree_order(self, folder):
        entries = toctree_entries(folder / "index.rst")
        assert entries[-4:] == TAIL, entries
        assert 4 <= len(entries) - 4 <= 6, f"{len(entries) - 4} lessons"
        for entry in entries:
            assert (folder / f"{entry}.rst").exists(), entry

    def test_overview_states_outcomes_prerequisites_and_time(self, folder):
        text = (folder / "index.rst").read_text(encoding="utf-8").lower()
        assert "prerequisite" in text
        assert re.search(r"\b\d+(\.\d+)?\s*(hours|h)\b", text), "no time estimate in hours"
        assert "you will be able to" in text or "you can" in text or "outcomes" in text

    def test_lesson_shape(self, folder):
        for lesson in lessons(folder):
            text = lesson.read_text(encoding="utf-8")
            where = lesson.relative_to(ROOT)
            for needle in (":class: questions", ":class: objectives", ":class: key-points", ".. quiz::"):
                assert needle in text, f"{where}: missing {needle}"
            assert re.search(r"^Try it\n-{6,}", text, re.M), f"{where}: no 'Try it' section"
            assert len(QUESTION.findall(text)) >= 4, f"{where}: fewer than 4 self-check questions"

    def test_lesson_length(self, folder):
        for lesson in lessons(folder):
            text = lesson.read_text(encoding="utf-8")
            teaching = text.split(".. quiz::")[0]
            n = prose_words(teaching)
            assert 1200 <= n <= 2500, f"{lesson.relative_to(ROOT)}: {n} words before the quiz"

    def test_module_floor(self, folder):
        pages = [folder / f"{e}.rst" for e in toctree_entries(folder / "index.rst")] + [folder / "index.rst"]
        text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
        assert prose_words(text) >= 6000
        assert len(QUESTION.findall(text)) >= 25

    def test_review_quiz(self, folder):
        text = (folder / "review.rst").read_text(encoding="utf-8")
        assert len(QUESTION.findall(text)) >= 10
        assert re.search(r":type: (numeric|listening)", text) or folder.name[:2] in ("00", "10", "11"), \
            "the review has no numeric or listening question"

    def test_exercise_has_steps_and_rubric(self, folder):
        text = (folder / "exercise.rst").read_text(encoding="utf-8")
        assert re.search(r"^\s*(#\.|1\.) ", text, re.M), "no numbered steps"
        assert "rubric" in text.lower()
        assert ".. list-table::" in text or "+---" in text or "====" in text, "the rubric is not a table"
        assert any(daw in text for daw in ("Audacity", "Reaper", "REAPER", "Ardour", "GarageBand", "Cakewalk"))

    def test_answer_key(self, folder):
        assert ".. quiz-answer-key::" in (folder / "answers.rst").read_text(encoding="utf-8")

    def test_audio_examples(self, folder):
        text = "\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.rst"))
        assert len(AUDIO.findall(text)) >= MIN_AUDIO.get(folder.name[:2], 0)

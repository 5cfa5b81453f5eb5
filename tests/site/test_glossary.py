"""The glossary: one sorted list, at least 250 precise entries, all in use, no loose fragments."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from merge_glossary import parse_entries  # noqa: E402

GLOSSARY = ROOT / "docs" / "glossary.rst"
TERM_ROLE = re.compile(r":term:`(?:[^`<]*<)?([^`>]+)>?`")


def entries():
    return parse_entries(GLOSSARY.read_text(encoding="utf-8"), "docs/glossary.rst")


def test_no_unmerged_fragments():
    assert not list((ROOT / "docs").rglob("_glossary.rst")), "run tools/merge_glossary.py --write"


def test_at_least_250_entries_and_sorted():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert text.count(".. glossary::") == 1 and ":sorted:" in text
    assert len(entries()) >= 250


def test_each_definition_is_one_or_two_sentences():
    for terms, definition, _ in entries():
        text = " ".join(line.strip() for line in definition)
        words = len(text.split())
        assert 4 <= words <= 80, f"{terms[0]}: {words} words"
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]
        assert len(sentences) <= 3, f"{terms[0]}: {len(sentences)} sentences"


def test_every_term_is_linked_from_the_course():
    used = set()
    for path in (ROOT / "docs").rglob("*.rst"):
        if path == GLOSSARY:
            continue
        used |= {m.strip().lower() for m in TERM_ROLE.findall(path.read_text(encoding="utf-8"))}
    unused = [terms[0] for terms, _, _ in entries() if not any(t.lower() in used for t in terms)]
    assert len(unused) <= len(entries()) // 10, f"{len(unused)} terms never linked: {unused[:40]}"

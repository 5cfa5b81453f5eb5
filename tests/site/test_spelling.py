"""Spelling: the course has no misspellings, and every word a reader sees is checked."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HIDDEN = {
    # misspelled word: where sphinxcontrib-spelling would skip it by default
    "wrongg": "a plain paragraph (control)",
    "emphasys": "emphasis",
    "strongg": "strong",
    "linkk": "link text",
    "referense": "cross-reference text",
    "Rubrikk": "rubric",
    "Dropdwn": "dropdown title",
    "misteak": "dropdown body",
    "Admonitoin": "admonition title",
    "Tablle": "table cell",
    "Alternativ": "image alt text",
    "captoin": "figure caption",
}


def test_course_has_no_misspellings(course):
    assert course.returncodes["spelling"] == 0, course.warnings["spelling"][-4000:]
    reports = list(course.outdirs["spelling"].rglob("*.spelling"))
    assert reports == [], "\n".join(p.read_text() for p in reports)[:4000]


@pytest.fixture(scope="module")
def hidden_report(rootdir, tmp_path_factory):
    """Build the fixture once with the spelling builder; return its warnings and source dir."""
    import shutil
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path_factory.mktemp("spelling") / "src"
    shutil.copytree(rootdir / "test-spelling-hidden", srcdir)
    app = SphinxTestApp("spelling", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
        return app.warning.getvalue(), srcdir
    finally:
        app.cleanup()


@pytest.mark.parametrize("word", sorted(HIDDEN))
def test_hidden_misspelling_is_reported_with_file_and_line(hidden_report, word):
    warnings, srcdir = hidden_report
    lines = [ln for ln in warnings.splitlines()
             if f"Spell check: {word}" in ln or f"Spell check: \x1b[91m{word}" in ln or word in ln]
    assert lines, f"{word!r} ({HIDDEN[word]}) was not reported:\n{warnings}"
    source = (srcdir / "index.rst").read_text().splitlines()
    expected_line = next(i + 1 for i, ln in enumerate(source) if word in ln)
    # Docutils reports some directives (rubrics, figure options) one line off: allow +-1.
    near = {f"index.rst:{n}:" for n in (expected_line - 1, expected_line, expected_line + 1)}
    assert any(tag in ln for ln in lines for tag in near), (word, expected_line, lines)


def test_correct_words_are_not_reported(hidden_report):
    warnings, _ = hidden_report
    for word in ("control", "sentence", "correctly", "Nothing"):
        assert f"Spell check: {word}" not in warnings


def test_wordlists_hold_no_obvious_misspellings():
    """A wordlist entry must be a real term, never a misspelling added to silence the check."""
    import enchant

    english = enchant.Dict("en_US")
    for wordlist in ROOT.glob("docs/**/wordlist.txt"):
        for n, word in enumerate(wordlist.read_text(encoding="utf-8").splitlines(), 1):
            word = word.strip()
            if not word or word.startswith("#"):
                continue
            # Entries the dictionary knows are redundant; flag them so lists stay honest.
            assert not english.check(word), f"{wordlist.relative_to(ROOT)}:{n}: {word!r} is already a dictionary word"

"""Every listening claim in the course holds on the audio the learner hears.

The audio pairs and examples are read from ``docs/**/*.rst`` (``rst_audio``); each example a
claim needs is rendered once per session with the course's own pipeline (the recipe, then the
directive's loudness normalization: ``ext/audio/render.produce``); the claims are in
``claims.py`` and are checked with ``claimcheck``. A new pair without an entry in
``claims.PAIRS`` fails ``test_every_pair_has_an_entry``.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

# This folder's helper modules, whether or not tests/audio becomes a package.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import claimcheck  # noqa: E402
import claims as table  # noqa: E402
import rst_audio  # noqa: E402
from claimcheck import Claim, ClaimError, Perceptual  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES, PAIRS_FOUND = rst_audio.find_all(ROOT)
BY_ID = {ex.id: ex for ex in EXAMPLES}

ALL_ENTRIES = [(key, e) for key, entries in table.PAIRS.items() for e in entries] + \
              [((key,), e) for key, entries in table.SINGLES.items() for e in entries]
CLAIMS = [e for _, e in ALL_ENTRIES if isinstance(e, Claim)]


def _entry_id(entry) -> str:
    return f"{entry.example}:{entry.phrase[:40]}"


# -- rendering (once per distinct example per session) -----------------------------------------

_CACHE: dict[str, tuple[np.ndarray, int]] = {}


def _produce(rec: SimpleNamespace):
    """The directive's own render path (``audio.render.produce``): recipe, loudness
    normalization, clipping check."""
    from audio.render import produce  # ext/ is on sys.path (tests/conftest.py)

    return produce(rec)


def render(ident: str) -> tuple[np.ndarray, int]:
    """The samples of example ``ident`` as the course plays them (before the MP3 encoder)."""
    ex = BY_ID.get(ident)
    if ex is None:
        raise KeyError(f"no audio-example {ident!r} in docs/")
    key = repr((ex.recipe, sorted(ex.params.items()), ex.loudness, ex.allow_clipping))
    if key not in _CACHE:
        rec = SimpleNamespace(recipe=ex.recipe, params=ex.params, lossless=ex.lossless,
                              loudness=ex.loudness, allow_clipping=ex.allow_clipping,
                              ext="wav" if ex.lossless else "mp3")
        audio, sr, _facts = _produce(rec)
        _CACHE[key] = (np.asarray(audio, dtype=np.float64), int(sr))
    return _CACHE[key]


# -- the table matches the sources -------------------------------------------------------------


def coverage_problems(pairs_found, pair_table: dict) -> list[str]:
    """Pairs in the sources without a table entry, and table entries without a pair."""
    found = {p.key: p for p in pairs_found}
    problems = [f"{p.path}:{p.lineno}: audio-pair {k[0]} / {k[1]} has no entry in "
                "tests/audio/claims.py PAIRS (add a measured Claim, or a Perceptual entry "
                "whose phrase labels the caption as perceptual)"
                for k, p in found.items() if k not in pair_table]
    problems += [f"claims.py PAIRS has {k[0]} / {k[1]}, which is not an audio-pair in docs/"
                 for k in pair_table if k not in found]
    problems += [f"claims.py PAIRS[{k}] is empty" for k, v in pair_table.items() if not v]
    return problems


def phrase_problem(entry, examples: dict) -> str | None:
    """Why ``entry``'s phrase is not linked to its example's text (None if it is)."""
    ex = examples.get(entry.example)
    if ex is None:
        return f"{entry.example}: no such audio-example in docs/"
    phrase = " ".join(entry.phrase.split())
    if phrase not in ex.source:
        return (f"{ex.path}:{ex.lineno}: {entry.example}: the phrase {phrase!r} is not in its "
                "caption or description any more; update the claim with the text")
    if isinstance(entry, Perceptual) and not any(
            m in phrase.lower() for m in claimcheck.PERCEPTUAL_MARKERS):
        return (f"{ex.path}:{ex.lineno}: {entry.example}: a perceptual-only entry must quote a "
                f"phrase labeled as perception ({', '.join(claimcheck.PERCEPTUAL_MARKERS)})")
    return None


def test_pairs_found_match_the_table():
    assert len(PAIRS_FOUND) == len(table.PAIRS), (
        f"{len(PAIRS_FOUND)} audio pairs in docs/, {len(table.PAIRS)} in claims.PAIRS")
    assert coverage_problems(PAIRS_FOUND, table.PAIRS) == []


def test_every_pair_has_an_entry_for_its_own_examples():
    for key, entries in table.PAIRS.items():
        members = [e.example for e in entries]
        assert set(members) <= set(key), f"pair {key}: entries for other examples {members}"


def test_a_new_pair_without_a_claim_fails(tmp_path):
    """Broken fixture: a pair that is not in the table is reported with its file and line."""
    doc = tmp_path / "docs" / "new.rst"
    doc.parent.mkdir()
    doc.write_text(textwrap.dedent("""\
        Title
        =====

        .. audio-pair::

           .. audio-example:: x-one
              :recipe: demo-sine
              :params: freq=440, seconds=2
              :description: A tone.

              One tone.

           .. audio-example:: x-two
              :recipe: demo-sine
              :params: freq=880, seconds=2
              :description: A higher tone.

              An octave up.

        .. code-block:: rst

           .. audio-pair::

              .. audio-example:: x-in-a-code-block
        """), encoding="utf-8")
    _, pairs = rst_audio.find_all(tmp_path)
    assert [p.key for p in pairs] == [("x-one", "x-two")]  # the code block is not a pair
    problems = coverage_problems(pairs, table.PAIRS)
    assert problems[0].startswith("docs/new.rst:4: audio-pair x-one / x-two has no entry")
    assert any("not an audio-pair in docs/" in p for p in problems)


@pytest.mark.parametrize("entry", [e for _, e in ALL_ENTRIES], ids=_entry_id)
def test_phrase_is_in_the_text(entry):
    assert phrase_problem(entry, BY_ID) is None, phrase_problem(entry, BY_ID)


def test_a_moved_phrase_is_reported():
    """Broken fixture: a phrase that the text no longer has, and an unlabeled perceptual entry."""
    gone = Claim("m06-level-bias-b", "Version B, at −19 LUFS", "lufs", -19.0, 0.1)
    assert "is not in its caption or description" in phrase_problem(gone, BY_ID)
    unlabeled = Perceptual("m06-level-bias-b", "Version B, at −21 LUFS")
    assert "labeled as perception" in phrase_problem(unlabeled, BY_ID)


# -- the claims hold ---------------------------------------------------------------------------


@pytest.mark.parametrize("claim", CLAIMS, ids=_entry_id)
def test_claim_holds(claim):
    ex = BY_ID[claim.example]
    claimcheck.check(claim, render, where=f"{ex.path}:{ex.lineno}")


def test_a_false_claim_fails_with_a_clear_message():
    """Broken fixture: B is 2 dB louder than A; a claim of +6 dB must fail and say so."""
    false = Claim("m06-level-bias-b", "2 decibels louder", "lufs", 6.0, 0.5, unit="LU",
                  minus="m06-level-bias-a")
    with pytest.raises(ClaimError) as info:
        claimcheck.check(false, render, where="docs/x.rst:1")
    message = str(info.value)
    for part in ("m06-level-bias-b", "'2 decibels louder'", "measures 2.00 LU",
                 "expected 6 ± 0.5 LU", "minus m06-level-bias-a", "docs/x.rst:1"):
        assert part in message, message
    wrong_way = Claim("m06-level-bias-b", "2 decibels louder", "lufs", 0.0, op="<",
                      unit="LU", minus="m06-level-bias-a")
    with pytest.raises(ClaimError, match=r"expected < 0 LU"):
        claimcheck.check(wrong_way, render)


def test_counts_are_reported():
    counts = table.counts()
    assert counts["pairs"] == len(PAIRS_FOUND)
    assert counts["measured_claims"] == len(CLAIMS)
    assert counts["examples_measured"] + counts["examples_perceptual_only"] <= len(EXAMPLES)

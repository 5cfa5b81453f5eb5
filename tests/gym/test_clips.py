"""The clip drills' clips are measured: loudness-matched, and each says what its label says.

Renders all clips as the build does (``audio.render.produce``; about 2 s) and checks them with
``clipcheck``; each check also gets a broken fixture (a swapped label or a louder clip).
"""

from __future__ import annotations

from dataclasses import replace

import clipcheck
import pytest
from gym import clip_build, clips


@pytest.fixture(scope="module")
def measured() -> list[clipcheck.Measured]:
    source_hash = clip_build.clips_hash()
    return [clipcheck.measure(clip_build.record(c, source_hash), c) for c in clips.catalog()]


def test_catalog_counts_and_ids():
    assert [len(clips.catalog(k)) for k in clips.KINDS] == [16, 12, 12]
    ids = [c.id for c in clips.catalog()]
    assert len(set(ids)) == 40
    assert "gym-compression-drums-12to1" in ids
    with pytest.raises(ValueError, match="no clips for drill kind 'pan'"):
        clips.catalog("pan")


def test_clips_are_loudness_matched(measured):
    assert clipcheck.np_finite(measured)
    assert clipcheck.check_loudness(measured) == []
    for m in measured:
        assert m.lufs == pytest.approx(clips.LOUDNESS, abs=0.25)


def test_a_louder_clip_fails_the_loudness_check(measured):
    broken = [replace(m, lufs=m.lufs + 1.0) if (m.kind, m.source, m.setting)
              == ("reverb", "pad", "long") else m for m in measured]
    problems = clipcheck.check_loudness(broken)
    assert len(problems) == 1 and "reverb: loudness differs by 1.0" in problems[0]


def test_compression_narrows_the_level_spread_with_the_ratio(measured):
    assert clipcheck.check_compression(measured) == []
    drums = {m.setting: m.spread_db for m in measured
             if m.kind == "compression" and m.source == "drums"}
    assert drums["none"] > drums["2:1"] > drums["4:1"] > drums["12:1"]
    assert drums["none"] - drums["12:1"] > 5.0


def test_a_swapped_ratio_fails(measured):
    broken = clipcheck.relabel(measured, "compression", "bass", "2:1", "12:1")
    problems = clipcheck.check_compression(broken)
    assert any("compression bass: 4:1" in p for p in problems), problems
    broken = clipcheck.relabel(measured, "compression", "mix", "none", "4:1")
    assert any("compression mix" in p for p in clipcheck.check_compression(broken))


def test_reverb_times_are_the_stated_ones_and_ordered(measured):
    assert clipcheck.check_reverb(measured) == []
    for m in measured:
        if m.kind == "reverb":
            assert m.rt60_s == pytest.approx(clips.RT60[m.setting], rel=0.25)


def test_a_swapped_reverb_label_fails(measured):
    broken = clipcheck.relabel(measured, "reverb", "drums", "short", "long")
    problems = clipcheck.check_reverb(broken)
    assert any("reverb drums short: measured RT60" in p for p in problems), problems
    assert any("does not decay faster" in p for p in problems)


def test_distortion_adds_content_clean_does_not(measured):
    assert clipcheck.check_distortion(measured) == []
    for m in measured:
        if m.kind == "distortion" and m.setting == "heavy":
            assert m.residual_db > -15.0


def test_a_swapped_distortion_label_fails(measured):
    broken = clipcheck.relabel(measured, "distortion", "pad", "clean", "heavy")
    problems = clipcheck.check_distortion(broken)
    assert any("distortion pad clean" in p for p in problems), problems


def test_everything_at_once(measured):
    assert clipcheck.check_all(measured) == []


PAGE = clipcheck.ROOT / "docs" / "gym" / "processing.rst"


def stated(text: str, *needles: str) -> list[str]:
    """The needles the drill page does not state (its wording wrapped onto one line)."""
    flat = " ".join(text.split())
    return [n for n in needles if n not in flat]


def test_the_numbers_the_drill_page_states_are_the_measured_ones(measured):
    text = PAGE.read_text(encoding="utf-8")
    assert stated(text, "−20 LUFS", "attack 1 ms, release 80 ms", "6 dB below the source's RMS",
                  "12.9 dB uncompressed to 8.0, 6.3 and 5.5 dB", "0.4 s (short", "1.2 s (medium",
                  "3.0 s (long", "0.35 to 0.50 s, 1.10 to 1.29 s and 2.79 to 3.18 s",
                  "d = 2.5 (light) or 6 (heavy)", "15 to 17 dB below", "8 to 11 dB below",
                  "−39 dB (clean) to −34 dB (light) and −28 dB (heavy)",
                  "plays for 2.25 s", "rings for 1.75 s", "35 % wet with 20 ms") == []
    assert clips.LOUDNESS == -20.0
    assert (clips.COMP_ATTACK_MS, clips.COMP_RELEASE_MS, clips.REVERB_STOP) == (1.0, 80.0, 2.25)
    drums = [m.spread_db for m in measured if m.kind == "compression" and m.source == "drums"]
    assert [round(v, 1) for v in drums] == [12.9, 8.0, 6.3, 5.5]
    for setting, (lo, hi) in {"short": (0.35, 0.50), "medium": (1.10, 1.29),
                              "long": (2.79, 3.18)}.items():
        times = [m.rt60_s for m in measured if m.kind == "reverb" and m.setting == setting]
        assert lo - 0.005 <= min(times) and max(times) <= hi + 0.005, (setting, times)
    for setting, (lo, hi) in {"light": (-17.5, -14.5), "heavy": (-11.0, -8.0)}.items():
        added = [m.residual_db for m in measured if m.kind == "distortion"
                 and m.setting == setting]
        assert lo <= min(added) and max(added) <= hi, (setting, added)
    bass = [m.hf_share_db for m in measured if m.kind == "distortion" and m.source == "bass"]
    assert [round(v) for v in bass] == [-39, -34, -28]


def test_a_page_that_misstates_a_number_fails():
    text = PAGE.read_text(encoding="utf-8").replace("5.5 dB at 2:1", "4.5 dB at 2:1")
    assert stated(text, "12.9 dB uncompressed to 8.0, 6.3 and 5.5 dB") != []

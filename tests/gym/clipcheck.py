"""Measuring the clip drills' clips and checking them against their labels.

``measure(rec)`` renders one clip exactly as the build does (``audio.render.produce``: the
recipe, then loudness normalization with the −1 dBTP ceiling) and returns its numbers;
the ``check_*`` functions take a list of measurements and return the problems as sentences
(empty: the clips say what their labels say). Each check is pure, so the tests can feed it
a deliberately broken set (a swapped label, a louder clip) and see it fail.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from gym import clips

ROOT = Path(__file__).resolve().parents[2]

#: The largest loudness difference between the clips of one drill (LU).
LOUDNESS_TOLERANCE_LU = 0.5
#: Compressed clips must lose at least this much short-term level spread against the
#: uncompressed clip (dB), and each harder ratio at least STEP_DB more.
COMPRESSED_MIN_DB = 1.5
STEP_DB = 0.2
#: A measured RT60 must lie within this fraction of the one the drill states.
RT60_TOLERANCE = 0.25
#: The clean clip's residual against the dry source (dB) must be below CLEAN_MAX_DB; a
#: saturated one's above SATURATED_MIN_DB, and heavy above light by STEP_DB.
CLEAN_MAX_DB = -40.0
SATURATED_MIN_DB = -30.0


@dataclass(frozen=True)
class Measured:
    """One clip's label and numbers."""

    kind: str
    source: str
    setting: str
    value: float
    lufs: float
    limited: bool
    spread_db: float = float("nan")      # compression: 99th - 30th percentile, 20 ms envelope
    crest_db: float = float("nan")
    rt60_s: float = float("nan")         # reverb: T20 of the tail after the music stops
    residual_db: float = float("nan")    # distortion: what is not the dry source, re the clip
    hf_share_db: float = float("nan")    # distortion: level above 2 kHz re the whole


def measure(rec, clip: clips.Clip) -> Measured:
    """Render ``rec`` (``gym.clip_build.record(clip)``) as the build does and measure it."""
    from audio.render import produce
    from soundlib import SR, analysis, loudness

    y, sr, facts = produce(rec)
    assert sr == SR
    m = Measured(clip.kind, clip.source, clip.setting, clip.value,
                 lufs=float(loudness.integrated_lufs(y, sr)), limited=bool(facts["limited"]))
    if clip.kind == "compression":
        return replace(m, spread_db=analysis.level_spread_db(y, sr),
                       crest_db=analysis.crest_factor_db(y, sr))
    if clip.kind == "reverb":
        tail = y[int(round(clips.REVERB_STOP * sr)):]
        return replace(m, rt60_s=analysis.decay_time_s(tail, sr))
    dry = clips.source(clip.source)
    return replace(m, residual_db=analysis.residual_db(y, sr, ref=dry),
                   hf_share_db=analysis.band_share_db(y, sr, lo=2000.0))


def check_loudness(items: list[Measured]) -> list[str]:
    """Every clip of a kind within LOUDNESS_TOLERANCE_LU of the others, none limited."""
    problems = []
    for kind in sorted({m.kind for m in items}):
        group = [m for m in items if m.kind == kind]
        levels = [m.lufs for m in group]
        if max(levels) - min(levels) > LOUDNESS_TOLERANCE_LU:
            loud = max(group, key=lambda m: m.lufs)
            quiet = min(group, key=lambda m: m.lufs)
            problems.append(
                f"{kind}: loudness differs by {max(levels) - min(levels):.2f} LU "
                f"({loud.source} {loud.setting} {loud.lufs:.2f} LUFS, {quiet.source} "
                f"{quiet.setting} {quiet.lufs:.2f} LUFS); the limit is "
                f"{LOUDNESS_TOLERANCE_LU} LU")
        problems += [f"{kind}: {m.source} {m.setting} hit the true-peak ceiling, so it is "
                     "quieter than the others" for m in group if m.limited]
    return problems


def _by_source(items, kind):
    out: dict[str, list[Measured]] = {}
    for m in items:
        if m.kind == kind:
            out.setdefault(m.source, []).append(m)
    return {s: sorted(g, key=lambda m: m.value) for s, g in out.items()}


def check_compression(items: list[Measured]) -> list[str]:
    """The uncompressed clip has the widest short-term level spread; 2:1, 4:1, 12:1 each
    narrower than the one before."""
    problems = []
    for source, group in _by_source(items, "compression").items():
        none = [m for m in group if m.value == 1.0]
        if len(none) != 1:
            problems.append(f"compression {source}: expected one uncompressed clip")
            continue
        ref = none[0].spread_db
        squeezed = [m for m in group if m.value > 1.0]
        for m in squeezed:
            if ref - m.spread_db < COMPRESSED_MIN_DB:
                problems.append(
                    f"compression {source} {m.setting}: level spread {m.spread_db:.2f} dB is "
                    f"not {COMPRESSED_MIN_DB} dB below the uncompressed clip's {ref:.2f} dB")
        for a, b in zip(squeezed, squeezed[1:]):
            if a.spread_db - b.spread_db < STEP_DB:
                problems.append(
                    f"compression {source}: {b.setting} ({b.spread_db:.2f} dB spread) is not "
                    f"more compressed than {a.setting} ({a.spread_db:.2f} dB)")
    return problems


def check_reverb(items: list[Measured]) -> list[str]:
    """Each clip's measured RT60 within RT60_TOLERANCE of the stated one, and ordered."""
    problems = []
    for source, group in _by_source(items, "reverb").items():
        for m in group:
            if abs(m.rt60_s - m.value) > RT60_TOLERANCE * m.value:
                problems.append(
                    f"reverb {source} {m.setting}: measured RT60 {m.rt60_s:.2f} s, stated "
                    f"{m.value:.2f} s (tolerance {RT60_TOLERANCE:.0%})")
        for a, b in zip(group, group[1:]):
            if not a.rt60_s < b.rt60_s:
                problems.append(f"reverb {source}: {a.setting} ({a.rt60_s:.2f} s) does not "
                                f"decay faster than {b.setting} ({b.rt60_s:.2f} s)")
    return problems


def check_distortion(items: list[Measured]) -> list[str]:
    """Clean is the dry source; light and heavy add more and more of what is not, and more
    energy above 2 kHz (added harmonics)."""
    problems = []
    for source, group in _by_source(items, "distortion").items():
        for m in group:
            if m.value == 0 and m.residual_db > CLEAN_MAX_DB:
                problems.append(f"distortion {source} {m.setting}: {m.residual_db:.1f} dB of "
                                f"added content; a clean clip has less than {CLEAN_MAX_DB} dB")
            if m.value > 0 and m.residual_db < SATURATED_MIN_DB:
                problems.append(f"distortion {source} {m.setting}: only {m.residual_db:.1f} dB "
                                f"of added content; saturated needs over {SATURATED_MIN_DB} dB")
        for a, b in zip(group, group[1:]):
            if b.residual_db - a.residual_db < STEP_DB or b.hf_share_db <= a.hf_share_db:
                problems.append(
                    f"distortion {source}: {b.setting} (added {b.residual_db:.1f} dB, above "
                    f"2 kHz {b.hf_share_db:.2f} dB) is not more distorted than {a.setting} "
                    f"(added {a.residual_db:.1f} dB, above 2 kHz {a.hf_share_db:.2f} dB)")
    return problems


def check_all(items: list[Measured]) -> list[str]:
    return (check_loudness(items) + check_compression(items) + check_reverb(items)
            + check_distortion(items))


def relabel(items: list[Measured], kind: str, source: str, a: str, b: str) -> list[Measured]:
    """A broken fixture: the clips ``a`` and ``b`` of one source with their labels swapped."""
    values = {m.setting: m.value for m in items if m.kind == kind and m.source == source}
    out = []
    for m in items:
        if m.kind == kind and m.source == source and m.setting in (a, b):
            new = b if m.setting == a else a
            m = replace(m, setting=new, value=values[new])
        out.append(m)
    return out


def np_finite(items: list[Measured]) -> bool:
    return all(np.isfinite(m.lufs) for m in items)

"""The A/B player's checks, shared by the tests in tests/ab/.

Each ``*_problems`` function returns a list of readable problems (empty: the check passes),
so that a test asserts ``== []`` on the real player and ``!= []`` on a broken fixture
(``tests/fixtures/ab-broken/``) with the same function.

* ``site_report`` / ``site_problems``: every audio pair in built HTML has a ``data-ab`` root
  with two labels, and the player's scripts are on exactly the pages with a pair;
* ``walk``: ``tests/browser/ab.mjs``, the keyboard-only walk in Chromium, over http (the
  site served by ``tools/serve.py``, strict CSP) or from disk (file://);
* ``switch_problems``, ``blind_problems``, ``keyboard_problems``, ``hygiene_problems``,
  ``print_problems``: what the walk found.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import browser

#: The playhead may move by at most this much across a switch (the issue's 20 ms).
POSITION_TOLERANCE_S = 0.020
#: The player's scripts, in load order.
SCRIPTS = ("course-audio.js", "course-ab.js")


@dataclass
class SiteReport:
    pairs: int = 0
    pages_with_pairs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _scripts(soup) -> list[str]:
    return [re.sub(r"\?.*$", "", s["src"]).rsplit("/", 1)[-1] for s in soup.select("script[src]")]


def site_report(site: Path) -> SiteReport:
    """Pairs, the pages that have them, and the problems: a pair without ``data-ab`` or
    without two labels in ``data-ab-labels``; a page with a pair without the player's
    scripts (in order); a page without a pair that loads them."""
    from bs4 import BeautifulSoup

    report = SiteReport()
    for rel in browser.site_pages(site):
        soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        pairs = soup.select("div.audio-pair")
        scripts = _scripts(soup)
        loads = [s for s in scripts if s in SCRIPTS]
        report.pairs += len(pairs)
        for n, pair in enumerate(pairs, 1):
            if not pair.has_attr("data-ab"):
                report.problems.append(f"{rel}: pair {n} has no data-ab")
                continue
            try:
                labels = json.loads(pair.get("data-ab-labels", ""))
            except ValueError:
                labels = None
            if not (isinstance(labels, list) and len(labels) == 2 and all(labels)):
                report.problems.append(f"{rel}: pair {n} has no two labels in data-ab-labels")
            if len(pair.select("figure.audio-example audio[preload=none]")) != 2:
                report.problems.append(f"{rel}: pair {n} has not two players with preload=none")
        if pairs:
            report.pages_with_pairs.append(rel)
            if loads != list(SCRIPTS):
                report.problems.append(f"{rel}: has a pair but loads {loads}, not {list(SCRIPTS)}")
        elif "course-ab.js" in scripts:
            report.problems.append(f"{rel}: loads course-ab.js without a pair")
    return report


def site_problems(site: Path) -> list[str]:
    return site_report(site).problems


def walk(site: Path, page: str = "index.html", *, scheme: str = "http",
         break_fetch: bool = False) -> dict:
    """tests/browser/ab.mjs on ``page`` of ``site``: served (``scheme="http"``) or opened
    from disk (``"file"``)."""
    extra = ["--break-fetch"] if break_fetch else []
    if scheme == "file":
        proc = browser._node("ab.mjs", (site / page).resolve().as_uri(), *extra, timeout=300)
    else:
        with browser.served(site) as base:
            proc = browser._node("ab.mjs", base + page, *extra, timeout=300)
    if proc.returncode != 0 or not proc.stdout:
        raise RuntimeError(f"ab.mjs failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def switch_problems(result: dict) -> list[str]:
    """Every switch changed side and kept the playhead within POSITION_TOLERANCE_S: measured
    from outside (the position after the key press is neither earlier than before it nor
    later than before it plus the time that passed while playing, by more than the
    tolerance) and as the player recorded it (the old side's and the new side's playheads
    at the moment of the crossfade)."""
    problems = list(result["errors"])
    switches = result["switches"]
    if len([s for s in switches if s["playing"]]) < 6 or len(switches) < 8:
        problems.append(f"expected 6 switches while playing and 2 paused, got {len(switches)}")
    for s in switches:
        if s["sideAfter"] == s["sideBefore"]:
            problems.append(f"{s['label']}: key {s['key']} did not switch")
        if s["pressed"] != (["true", "false"] if s["sideAfter"] == 0 else ["false", "true"]):
            problems.append(f"{s['label']}: aria-pressed is {s['pressed']}")
        if abs(s["error"]) > POSITION_TOLERANCE_S:
            problems.append(f"{s['label']}: the playhead moved {s['error'] * 1000:+.1f} ms "
                            f"across the switch ({s['before']:.3f} s -> {s['after']:.3f} s)")
        rec = s.get("record")
        if not rec:
            problems.append(f"{s['label']}: the player recorded no switch")
        elif abs(rec["to"] - rec["from"]) > POSITION_TOLERANCE_S:
            problems.append(f"{s['label']}: switched from {rec['from']:.3f} s to {rec['to']:.3f} s")
        elif rec["ramp"] > 0.010:
            problems.append(f"{s['label']}: crossfade of {rec['ramp'] * 1000:.1f} ms (max 10 ms)")
    return problems


def keyboard_problems(result: dict) -> list[str]:
    """Tab reaches Play with a visible focus; Space plays, with no audio fetched before;
    Space pauses; Loop toggles; keys typed in a field elsewhere stay there."""
    steps, problems = result["steps"], list(result["errors"])
    reach = steps.get("reachPlay")
    if not reach or not reach["visible"]:
        problems.append(f"Tab to Play: {reach}")
    play = steps.get("play") or {}
    if not play.get("playing") or not play.get("fetchedAfterKey"):
        problems.append(f"Space did not play (and fetch): {play}")
    if result["audioBeforePlay"]:
        problems.append(f"audio fetched before Play: {result['audioBeforePlay']}")
    if (steps.get("pause") or {}).get("playing", True):
        problems.append(f"Space did not pause: {steps.get('pause')}")
    if (steps.get("loop") or {}).get("pressed") != "true":
        problems.append(f"Loop: {steps.get('loop')}")
    field_ = steps.get("field")
    if field_ and (field_["value"] != "ab b" or field_["sideAfter"] != field_["sideBefore"]):
        problems.append(f"the player took keys typed in a field: {field_}")
    return problems


def blind_problems(result: dict) -> list[str]:
    """Blind mode hides every label (the figures and the side names) and randomizes X; a
    right guess from the keyboard is confirmed in the live region and reveals the labels."""
    steps, problems = result["steps"], list(result["errors"])
    on = steps.get("blindOn") or {}
    if on.get("pressed") != "true" or on.get("figuresShown") != 0:
        problems.append(f"blind mode did not hide the labels: {on}")
    if on.get("sideText") != ["A: X", "B: Y"] or on.get("x") not in (0, 1):
        problems.append(f"blind mode did not name the sides X and Y: {on}")
    guess = steps.get("guess") or {}
    if not str(guess.get("status", "")).startswith("Right:"):
        problems.append(f"the right guess was not confirmed: {guess}")
    if guess.get("blind") != "false" or guess.get("figuresShown") != 2:
        problems.append(f"the guess did not reveal the labels: {guess}")
    if not guess.get("focusVisible"):
        problems.append("no visible focus after the guess")
    return problems


def hygiene_problems(result: dict, *, axe: bool = True) -> list[str]:
    """No CSP violation, no console error, no axe violation on the player (light and dark,
    ready, blind and revealed)."""
    problems = [f"CSP: {c}" for c in result["csp"]]
    problems += [f"console: {c}" for c in result["console"]]
    if axe:
        for run in result["axe"]:
            problems += [f"axe ({run['state']}, {run['scheme']}): {v['id']} {v['nodes']}"
                         for v in run["violations"]]
        if len(result["axe"]) != 6:
            problems.append(f"axe ran {len(result['axe'])} times, not 6")
    return problems


def print_problems(result: dict) -> list[str]:
    """In print, the transport is hidden and both players show, as without JavaScript."""
    got = result["steps"].get("print")
    if got != {"buttonsShown": 0, "playersShown": 2}:
        return [f"print shows {got}"]
    return []

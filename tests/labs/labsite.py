"""Helpers of the lab tests: the test site with one lab of every registered kind, the
browser script (tests/browser/labs.mjs) and the agreement comparison.

The page ``modules/01-sound/labs.rst`` of ``tests/roots/test-labs`` is written here from the
kind registry (``labs.kinds.all_kinds``), so a kind added by another branch is built and
checked without editing the tests.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
from pathlib import Path

from sphinx_project import ROOT, build, copy_root

BROWSER = ROOT / "tests" / "browser"
LAB_PAGE = "modules/01-sound/labs.html"


def lab_page_rst(kinds: list[str]) -> str:
    """One ``.. lab::`` per kind (ids ``m01-lab-<kind>``)."""
    parts = ["Every lab\n=========\n"]
    for kind in kinds:
        parts.append(f".. lab:: {kind}\n   :id: m01-lab-{kind}\n\n"
                     f"   What will the {kind} lab's default setting sound like?\n")
    return "\n".join(parts)


def build_lab_site(tmp: Path, builder: str = "html", **conf):
    """Copy tests/roots/test-labs, write its lab page for every kind, build it."""
    from labs.kinds import all_kinds

    src = copy_root(tmp, "labs")
    (src / "modules" / "01-sound" / "labs.rst").write_text(lab_page_rst(sorted(all_kinds())),
                                                           encoding="utf-8")
    conf.setdefault("audio_cache_dir", str(tmp / "audio-cache"))
    conf.setdefault("figure_cache_dir", str(tmp / "figure-cache"))
    return build(src, builder, **conf)


def run_labs_mjs(mode: str, url: str, *extra: str) -> dict:
    """tests/browser/labs.mjs ``mode`` on ``url``; its JSON output."""
    env = dict(os.environ, CHROMIUM=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    proc = subprocess.run(["node", str(BROWSER / "labs.mjs"), mode, url, *extra],
                          capture_output=True, text=True, cwd=BROWSER, env=env, timeout=600)
    if proc.returncode != 0 or not proc.stdout:
        raise RuntimeError(f"labs.mjs {mode} failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def disagreements(module, values: dict, measured: dict) -> list[str]:
    """Where the browser's rendering ``measured`` ({x, y, extra}) of a kind differs from the
    kind's Python reference by more than its tolerance (values below its ``FLOOR`` count as
    the floor). Empty when they agree."""
    if "error" in measured:
        return [f"the browser could not render it: {measured['error'][:500]}"]
    x, y = measured["x"], measured["y"]
    if not x or len(x) != len(y):
        return [f"no data to compare (x: {len(x)}, y: {len(y)} points)"]
    ref = module.reference(values, x)
    floor = getattr(module, "FLOOR", None)
    tol = module.TOLERANCE
    problems = []
    for xi, got, want in zip(x, y, ref):
        if floor is not None:
            got, want = max(got, floor), max(want, floor)
        if not (math.isfinite(got) and abs(got - want) <= tol):
            problems.append(f"at {xi:g}: browser {got:.3f} {module.UNIT}, Python {want:.3f} "
                            f"{module.UNIT} (tolerance {tol} {module.UNIT})")
    check_extra = getattr(module, "check_extra", None)
    if check_extra is not None:
        problems += check_extra(values, measured.get("extra") or {})
    return problems


def page_lab_scripts(site: Path) -> list[str]:
    """Problems with the lab scripts of a built site: a page with ``data-lab="<kind>"``
    must load course-audio.js, course-labs.js and labs/<kind>.js; a page without a lab must
    load none of the lab scripts."""
    import re

    problems = []
    for page in sorted(site.rglob("*.html")):
        if "_static" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        kinds = set(re.findall(r'data-lab="([^"]+)"', html))
        scripts = re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
        names = {s.split("_static/", 1)[-1].split("?", 1)[0] for s in scripts if "_static/" in s}
        lab_js = {n for n in names if n == "course-labs.js" or n.startswith("labs/")}
        rel = page.relative_to(site).as_posix()
        if not kinds and lab_js:
            problems.append(f"{rel}: no lab, but loads {', '.join(sorted(lab_js))}")
        for kind in sorted(kinds):
            for need in ("course-audio.js", "course-labs.js", f"labs/{kind}.js"):
                if need not in names:
                    problems.append(f"{rel}: data-lab={kind!r} but {need} is not loaded")
        extra = {n for n in lab_js if n.startswith("labs/")} - {f"labs/{k}.js" for k in kinds}
        if extra:
            problems.append(f"{rel}: loads {', '.join(sorted(extra))} for no lab on the page")
    return problems


def walk_problems(walk: dict) -> list[str]:
    """What went wrong in labs.mjs's keyboard walk (empty: a keyboard-only learner can
    reveal the lab, change a value with the arrow keys, reset it and play it)."""
    s = walk.get("steps", {})
    problems = [f"exception: {e[:200]}" for e in walk.get("exceptions", [])]
    if not (s.get("reveal") and s["reveal"].get("visible")):
        return problems + ["Tab never reached a Reveal button with a visible focus"]
    if not s.get("panelShown"):
        problems.append("Enter on Reveal did not show the controls")
    if (s.get("afterReveal") or {}).get("type") != "range":
        problems.append("focus did not move to the first slider after Reveal")
    try:
        if not float(s["after"]) > float(s["before"]):
            problems.append(f"ArrowRight did not raise the value ({s['before']} -> {s['after']})")
    except (KeyError, TypeError, ValueError):
        problems.append("no value shown before or after the arrow keys")
    if not (s.get("reset") and s["reset"].get("visible")):
        problems.append("Tab never reached Reset with a visible focus")
    elif s.get("afterReset") != s.get("before"):
        problems.append(f"Reset gave {s.get('afterReset')}, not the default {s.get('before')}")
    playing = s.get("playing") or {}
    if (s.get("play") or {}).get("cls") != "course-lab-play":
        problems.append("Tab never reached Play")
    if playing.get("pressed") != "true" or playing.get("state") != "running":
        problems.append(f"Play did not start the audio: {playing}")
    level = playing.get("levelDb")
    if level is None or not level > -60:
        problems.append(f"Play made no sound at the lab's output ({level} dBFS)")
    if s.get("stopped") != "false":
        problems.append("Enter on Stop did not stop")
    if not (s.get("status") or "").strip():
        problems.append("the aria-live region stayed empty")
    return problems


def bad_input_problems(entry: dict) -> list[str]:
    """What went wrong when 99999, "abc" and -99999 were typed into a lab's first number
    field (empty: each was clamped, the clamped value shown, and the sound stayed finite
    and audible)."""
    numeric = [p for p in json.loads(entry["params"]) if "choices" not in p]
    if not numeric:
        return []
    first = numeric[0]  # the first number field's parameter
    problems = []
    want = {"99999": first["max"], "abc": first["max"], "-99999": first["min"]}
    for typed, value in want.items():
        try:
            shown = float(entry.get(typed))
        except (TypeError, ValueError):
            shown = math.nan
        if not (math.isfinite(shown) and abs(shown - value) <= 1e-9 * max(1, abs(value))):
            problems.append(f"{entry['kind']}: typed {typed!r}, shown {entry.get(typed)!r} "
                            f"(want {value})")
    if "set to" not in (entry.get("status") or ""):
        problems.append(f"{entry['kind']}: the live region did not say the value was clamped")
    sound = entry.get("sound") or {}
    level = sound.get("rmsDb")
    if not sound.get("finite") or level is None or not level > -60:
        problems.append(f"{entry['kind']}: the clamped setting sounds {sound}")
    return problems

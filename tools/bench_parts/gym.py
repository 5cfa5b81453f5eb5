"""The listening gym: its JavaScript size (goal: at most 25 KB gzipped), the EQ drill's music
data (not in a first visit), the heaviest drill page's first-visit weight (goal: under
120 KB), and the time from Start to the first sound.

The time is measured in Debian's Chromium (tests/browser/gym.mjs "first-sound", the page
opened from disk): from the Start click to the first frame of the course's output, after the
ceiling, that an AnalyserNode reads as not silent (peak above -80 dBFS). It includes
generating and rendering the first stimulus, which is what a learner waits for; the
device's output latency is not included (headless Chromium has no sound card).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

import page_weight

ROOT = Path(__file__).resolve().parents[2]
GYM_JS = ROOT / "ext" / "static" / "gym"
GYM_MJS = ROOT / "tests" / "browser" / "gym.mjs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def js_size() -> tuple[int, int]:
    files = sorted(GYM_JS.glob("*.js"))
    return (sum(len(f.read_bytes()) for f in files),
            sum(len(gzip.compress(f.read_bytes(), 6, mtime=0)) for f in files))


def drill_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts
                  and "data-drill=" in p.read_text(encoding="utf-8", errors="replace"))


def first_sound_ms(page: Path, kind: str) -> float | None:
    if not (Path(CHROMIUM).exists() and (GYM_MJS.parent / "node_modules").exists()):
        return None
    run = subprocess.run(["node", str(GYM_MJS), "first-sound", page.resolve().as_uri(), kind],
                         capture_output=True, text=True, cwd=GYM_MJS.parent, timeout=120,
                         env=dict(os.environ, CHROMIUM=CHROMIUM))
    if run.returncode != 0:
        return None
    return json.loads(run.stdout.strip().splitlines()[-1])["ms"]


def report(site: Path) -> None:
    raw, gz = js_size()
    print(f"gym JavaScript: {raw / 1024:.1f} KB raw, {gz / 1024:.1f} KB gzipped "
          f"(goal <= 25 KB gzipped)")
    music = sorted((site / "_static" / "gym" / "music").glob("*.js"))
    if music:
        sizes = [len(f.read_bytes()) for f in music]
        gzs = [len(gzip.compress(f.read_bytes(), 6, mtime=0)) for f in music]
        print(f"gym: music data (eq-band, loaded at a music level only): {len(music)} files, "
              f"{sum(sizes) / 1024:.0f} KB raw, {sum(gzs) / 1024:.0f} KB gzipped "
              f"(largest {max(gzs) / 1024:.0f} KB)")
    pages = drill_pages(site)
    if not pages:
        print("gym: no drill pages in this build")
        return
    weights = sorted((page_weight.weigh(p, site) for p in pages), key=lambda w: -w.first_visit)
    heaviest = weights[0]
    print(f"gym: heaviest drill page {heaviest.page}: {heaviest.first_visit / 1024:.1f} KB "
          f"first visit, {heaviest.files} files (goal < 120 KB)")
    # Timed on the first live drill (sound generated in the browser): eq-band on the EQ page.
    page, kind = site / "gym" / "eq.html", "eq-band"
    if not page.is_file():
        print("gym: Start to first sound: no gym/eq.html in this build")
        return
    if not (Path(CHROMIUM).exists() and (GYM_MJS.parent / "node_modules").exists()):
        print("gym: Start to first sound: not measured (Chromium or tests/browser/node_modules "
              "missing)")
        return
    times = sorted(t for t in (first_sound_ms(page, kind) for _ in range(3)) if t)
    if times:
        print(f"gym: Start to first sound ({kind}, gym/eq.html, from disk): median "
              f"{times[len(times) // 2]:.0f} ms of {len(times)} runs")
    else:
        print("gym: Start to first sound: the measurement failed (run tests/browser/gym.mjs "
              "first-sound by hand to see why)")

"""The A/B player (ext/static/course-ab.js): its script's size, raw and gzipped as
tools/serve.py sends it, and the heaviest first visit among the pages with an audio pair
(tools/page_weight.py; the goal is under 120 KB)."""

from __future__ import annotations

import gzip
from pathlib import Path

from page_weight import LIMIT_BYTES, weigh

SCRIPTS = ("course-ab.js", "course-audio.js")   # the player, and the audio module it uses


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def pair_pages(site: Path) -> list[Path]:
    """The HTML pages of a built site that hold an audio pair (a ``data-ab`` root)."""
    return sorted(p for p in site.rglob("*.html")
                  if "_static" not in p.parts and "data-ab=" in p.read_text(encoding="utf-8"))


def report(site: Path) -> None:
    print("A/B player")
    for name in SCRIPTS:
        path = site / "_static" / name
        if not path.is_file():
            print(f"  {name}: missing (build the site first)")
            continue
        data = path.read_bytes()
        print(f"  {name}: {_kb(len(data))} raw, {_kb(len(gzip.compress(data, 6, mtime=0)))} gzipped")
    pages = pair_pages(site)
    if not pages:
        print("  no page with an audio pair")
        return
    weights = [weigh(p, site) for p in pages]
    top = max(weights, key=lambda w: w.first_visit)
    over = sum(w.first_visit > LIMIT_BYTES for w in weights)
    print(f"  pages with a pair: {len(pages)}; heaviest first visit: {top.page} "
          f"{_kb(top.first_visit)} in {top.files} files (goal < {LIMIT_BYTES // 1024} KB; "
          f"over: {over})")

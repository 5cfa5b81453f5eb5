"""The clip drills' audio (compression, reverb, distortion): how many clips, how many bytes,
and the ABX drill's list of pairs, in a built site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path


def report(site: Path) -> None:
    clips = sorted((site / "_audio" / "gym").glob("*.mp3"))
    total = sum(p.stat().st_size for p in clips)
    print(f"gym clips: {len(clips)} MP3 files, {total / 1e6:.2f} MB in _audio/gym/ "
          "(budget 8 MB; loaded only when played)")
    page = site / "gym" / "abx.html"
    if page.is_file():
        m = re.search(r'data-drill="abx" data-drill-config="([^"]*)"',
                      page.read_text(encoding="utf-8"))
        pairs = json.loads(html.unescape(m.group(1))).get("pairs", []) if m else []
        print(f"gym ABX: {len(pairs)} audio pairs to choose from")

"""The live labs: each lab script's size (raw and gzipped) and the heaviest page with a lab
(its HTML plus every script and stylesheet it loads, gzipped, as a first visit fetches
them; audio and lazy images are not fetched before the reader asks)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def _assets(page: Path, site: Path, html: str) -> list[Path]:
    refs = re.findall(r'<script[^>]*\ssrc="([^"?]+)', html)
    refs += re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"?]+)', html)
    out = []
    for ref in refs:
        path = (page.parent / ref).resolve()
        if path.is_file() and site.resolve() in path.parents:
            out.append(path)
    return out


def report(site: Path) -> None:
    static = site / "_static"
    scripts = [static / "course-labs.js", *sorted((static / "labs").glob("*.js"))]
    print("labs: script sizes (raw / gzipped)")
    for path in scripts:
        if path.is_file():
            data = path.read_bytes()
            print(f"  {path.relative_to(site).as_posix():32} {len(data) / 1024:6.1f} KB "
                  f"/ {_gz(data) / 1024:5.1f} KB")
    heaviest = None
    pages = 0
    for page in site.rglob("*.html"):
        if "_static" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        if "data-lab=" not in html:
            continue
        pages += 1
        total = _gz(html.encode()) + sum(_gz(p.read_bytes()) for p in _assets(page, site, html))
        if heaviest is None or total > heaviest[0]:
            heaviest = (total, page.relative_to(site).as_posix())
    if heaviest is None:
        print("labs: no page with a lab")
        return
    print(f"labs: {pages} pages with a lab; heaviest first visit {heaviest[0] / 1024:.1f} KB "
          f"gzipped (HTML, scripts, CSS): {heaviest[1]}")

"""What a first visit to each page of a built site transfers, compressed as a server sends it.

    python tools/page_weight.py [_build/html] [--top 15]

A page's first visit is its HTML plus the stylesheets, scripts, favicon and eagerly loaded
images it references (and anything those stylesheets load with ``url()``), each gzipped the
way ``tools/serve.py`` sends it. Audio is excluded: it is never fetched before a reader
presses play. Images marked ``loading="lazy"`` are counted separately: the browser fetches
them only as they scroll into view.

The course's goal (issue 8) is under 120 KB per page; ``tests/site/test_page_weight.py`` enforces
it and ``tools/bench.py`` prints this table.
"""

from __future__ import annotations

import argparse
import gzip
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LIMIT_BYTES = 120 * 1024
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".txt"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@cache
def wire_bytes(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, 6, mtime=0)) if path.suffix in COMPRESSIBLE else len(data)


def _local(page: Path, site: Path, ref: str | None) -> Path | None:
    if not ref or "://" in ref or ref.startswith(("data:", "#", "mailto:", "//")):
        return None
    target = (page.parent / ref.split("#")[0].split("?")[0]).resolve()
    try:
        target.relative_to(site.resolve())
    except ValueError:
        return None
    return target if target.is_file() else None


@dataclass
class PageWeight:
    page: str
    first_visit: int          # bytes on the wire for HTML, CSS, JS, favicon, eager images
    lazy_images: int          # bytes fetched only when scrolled to
    files: int                # requests in the first visit
    eager_images: int         # images without loading="lazy"
    unsized_images: int       # images without width and height


def weigh(page: Path, site: Path) -> PageWeight:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    files: set[Path] = {page}
    lazy: set[Path] = set()
    eager = unsized = 0
    for el in soup.find_all("link"):
        rel = el.get("rel") or []
        if "stylesheet" in rel or "icon" in rel or "preload" in rel:
            target = _local(page, site, el.get("href"))
            if target:
                files.add(target)
    for el in soup.find_all("script"):
        target = _local(page, site, el.get("src"))
        if target:
            files.add(target)
    for el in soup.find_all("img"):
        if not (el.get("width") and el.get("height")):
            unsized += 1
        target = _local(page, site, el.get("src"))
        if el.get("loading") == "lazy":
            if target:
                lazy.add(target)
        else:
            eager += 1
            if target:
                files.add(target)
    for css in [f for f in files if f.suffix == ".css"]:
        for ref in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            target = _local(css, site, ref)
            if target:
                files.add(target)
    return PageWeight(
        page=page.relative_to(site).as_posix(),
        first_visit=sum(wire_bytes(f) for f in files),
        lazy_images=sum(wire_bytes(f) for f in lazy - files),
        files=len(files),
        eager_images=eager,
        unsized_images=unsized,
    )


def weigh_site(site: Path) -> list[PageWeight]:
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    return sorted((weigh(p, site) for p in pages), key=lambda w: -w.first_visit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="_build/html")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    weights = weigh_site(Path(args.site))
    print(f"{'page':62} {'first visit':>12} {'lazy imgs':>10} {'files':>6}")
    for w in weights[: args.top]:
        flag = "  OVER" if w.first_visit > LIMIT_BYTES else ""
        print(f"{w.page:62} {w.first_visit / 1024:10.1f} KB {w.lazy_images / 1024:7.1f} KB {w.files:6}{flag}")
    heaviest = weights[0]
    print(f"pages: {len(weights)}; heaviest: {heaviest.page} at {heaviest.first_visit / 1024:.1f} KB "
          f"(goal < {LIMIT_BYTES // 1024} KB); over the goal: {sum(w.first_visit > LIMIT_BYTES for w in weights)}")


if __name__ == "__main__":
    main()

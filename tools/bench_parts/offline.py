"""The offline site: the ZIP's size and entries, and the JavaScript and data it adds to pages.

Prints the size and entry count of ``downloads/*-site.zip``, the search texts
(``_searchtext/``, loaded only on the search page from disk), and per page (gzipped, as
``tools/serve.py`` sends it): the glossary-preview script and data block on pages that link
glossary terms, and the snippet shim on the search page. For comparison it prints what one
shared file of every definition would weigh instead of the per-page data blocks.
"""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from pathlib import Path

DATA = re.compile(r'<script type="application/json" id="glossary-data">(.*?)</script>', re.S)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def report(site: Path) -> None:
    zips = sorted((site / "downloads").glob("*-site.zip"))
    if not zips:
        print("offline: no downloads/*-site.zip (build with the offline extension)")
        return
    archive = zips[0]
    with zipfile.ZipFile(archive) as z:
        infos = z.infolist()
    raw = sum(i.file_size for i in infos)
    print(f"offline: {archive.name}: {archive.stat().st_size / 1e6:.1f} MB, {len(infos)} entries "
          f"({raw / 1e6:.1f} MB unzipped)")
    texts = list((site / "_searchtext").rglob("*.js"))
    total = sum(p.stat().st_size for p in texts)
    largest = max((p.stat().st_size for p in texts), default=0)
    print(f"offline: search texts: {len(texts)} files, {total / 1e3:.0f} kB "
          f"(largest {largest / 1e3:.1f} kB; loaded per result, from disk only)")
    static = site / "_static"
    script = gz((static / "glossary-preview.js").read_bytes()) if (static / "glossary-preview.js").exists() else 0
    shim = gz((static / "offline-search.js").read_bytes()) if (static / "offline-search.js").exists() else 0
    blocks, merged = [], {}
    for page in site.rglob("*.html"):
        found = DATA.search(page.read_text(encoding="utf-8"))
        if found:
            blocks.append(gz(found.group(0).encode()))
            merged.update(json.loads(found.group(1)))
    if blocks:
        blocks.sort()
        print(f"offline: glossary previews on {len(blocks)} pages: glossary-preview.js {script / 1024:.1f} KB gz; "
              f"data block median {blocks[len(blocks) // 2] / 1024:.1f} KB gz, largest {blocks[-1] / 1024:.1f} KB gz "
              f"({len(merged)} distinct terms; one shared file of them all would be "
              f"{gz(json.dumps(merged, ensure_ascii=False).encode()) / 1024:.1f} KB gz on every first visit)")
    print(f"offline: search page: offline-search.js {shim / 1024:.1f} KB gz")

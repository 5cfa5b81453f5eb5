"""Check that a built site loads nothing from another origin.

Reads every HTML page and stylesheet of the site and reports each resource that a browser
would fetch from elsewhere while showing the page: scripts, stylesheets, preloads, icons,
images (src and srcset), audio, video, tracks, frames, objects, and CSS ``@import`` and
``url()``. Ordinary links (``<a href>``) are not loads and are allowed. This is the static half
of the privacy check; a browser test that records every request is the dynamic half.

Usage: python tools/check_offline.py _build/html
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

LOADS = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "audio": ["src"],
    "video": ["src", "poster"],
    "track": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}
#: <link rel> values that make the browser fetch (others, like rel="canonical", do not).
FETCHING_RELS = {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "shortcut",
                 "apple-touch-icon", "manifest", "preconnect", "dns-prefetch"}
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_REMOTE = re.compile(r"""(?:@import\s+(?:url\()?|url\()\s*['"]?((?:[a-z][a-z0-9+.-]*:)?//[^'")\s]+)""", re.I)


def check_site(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attrs in LOADS.items():
            for el in soup.find_all(tag):
                if tag == "link" and not FETCHING_RELS & {r.lower() for r in el.get("rel") or []}:
                    continue
                for attr in attrs:
                    value = el.get(attr) or ""
                    urls = [value]
                    if attr == "srcset":
                        urls = [u.strip().split()[0] for u in value.split(",") if u.strip()]
                    for url in urls:
                        if REMOTE.match(url):
                            problems.append(f"{rel}:{el.sourceline}: <{tag} {attr}> loads {url}")
        for style in soup.find_all("style"):
            for url in CSS_REMOTE.findall(style.get_text()):
                problems.append(f"{rel}:{style.sourceline}: <style> loads {url}")
    for sheet in sorted(site.rglob("*.css")):
        rel = sheet.relative_to(site).as_posix()
        for n, line in enumerate(sheet.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for url in CSS_REMOTE.findall(line):
                problems.append(f"{rel}:{n}: stylesheet loads {url}")
    return problems


if __name__ == "__main__":
    found = check_site(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html"))
    print("\n".join(found))
    print(f"{len(found)} resources from other origins")
    sys.exit(1 if found else 0)

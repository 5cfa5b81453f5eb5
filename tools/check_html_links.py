"""Check every internal link of a built HTML site, offline.

Every ``href`` and ``src`` (links, stylesheets, scripts, images, audio and video sources,
downloads) that points inside the site must name a file that exists, and every ``#anchor`` must
be an ``id`` (or ``<a name>``) in the page it points to. External URLs (with a scheme such as
https: or mailto:) are not fetched: ``make linkcheck`` does that when a network exists.

Usage: python tools/check_html_links.py _build/html
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ATTRS = {
    "a": ["href"],
    "link": ["href"],
    "script": ["src"],
    "img": ["src"],
    "audio": ["src"],
    "video": ["src", "poster"],
    "source": ["src"],
    "track": ["src"],
    "iframe": ["src"],
    "object": ["data"],
    "form": ["action"],
    "use": ["href", "xlink:href"],
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}: {self.target}"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@cache
def _ids(path: Path) -> frozenset[str]:
    soup = _soup(path)
    ids = {el["id"] for el in soup.find_all(id=True)}
    ids |= {el["name"] for el in soup.find_all("a", attrs={"name": True})}
    return frozenset(ids)


def check_site(site: Path) -> list[Problem]:
    site = site.resolve()
    problems: list[Problem] = []
    _ids.cache_clear()
    for page in sorted(site.rglob("*.html")):
        soup = _soup(page)
        rel = page.relative_to(site).as_posix()
        for tag, attrs in ATTRS.items():
            for el in soup.find_all(tag):
                for attr in attrs:
                    value = el.get(attr)
                    if not value:
                        continue
                    line = el.sourceline or 0
                    parts = urlsplit(value)
                    if parts.scheme or parts.netloc:
                        continue  # external: linkcheck's job
                    if parts.path:
                        target = (page.parent / unquote(parts.path)).resolve()
                        if site not in target.parents and target != site:
                            problems.append(Problem(rel, line, value, "link leaves the site"))
                            continue
                        if target.is_dir():
                            target = target / "index.html"
                        if not target.exists():
                            problems.append(Problem(rel, line, value, "dead link"))
                            continue
                    else:
                        target = page
                    if parts.fragment and target.suffix == ".html":
                        if unquote(parts.fragment) not in _ids(target):
                            problems.append(Problem(rel, line, value, "missing anchor"))
    return problems


if __name__ == "__main__":
    found = check_site(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html"))
    for p in found:
        print(p)
    print(f"{len(found)} broken internal links")
    sys.exit(1 if found else 0)

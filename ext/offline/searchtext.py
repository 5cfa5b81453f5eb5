"""Search result snippets for the site opened from disk: one small script per page.

Sphinx's search page (``searchtools.js``) makes each result's snippet by fetching the result's
page and taking the text of its ``[role="main"]`` element. A page opened from disk
(``file://``) cannot fetch, so the offline site would list bare titles. At ``build-finished``
this module writes, for each page, ``_searchtext/<docname>.js``: the main element's text with
the elements that carry an ``id`` kept as ``<div id>`` (a result may point at a section), as
one call ``CourseSearchText.put(docname, html)``. ``ext/static/offline-search.js``, loaded on
the search page only, answers Sphinx's fetch from these files when the page is on disk, by
loading the one file per result with a ``<script>`` element. Online nothing changes and the
files are never loaded.

The text is what the browser's ``textContent`` gives, less what Sphinx removes (header links,
scripts, styles), with runs of white space made one space.
"""

from __future__ import annotations

import html
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

#: Where the files go, relative to the HTML output.
OUT_DIR = "_searchtext"
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
SKIP_TAGS = frozenset({"script", "style", "template"})
#: Header links (Sphinx removes them too) and the offline site's size, which is set after
#: these files are written (offline.sitezip).
SKIP_CLASSES = frozenset({"headerlink", "offline-site-size"})
SPACE = re.compile(r"\s+")


class _MainText(HTMLParser):
    """The text of ``[role="main"]``, elements with an id kept as ``<div id>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, str]] = []  # (tag, what to write at its end)
        self.skip = 0   # depth inside a skipped element (script, header link)
        self.inside = False
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        a = dict(attrs)
        if not self.inside:
            if a.get("role") == "main" and tag not in VOID:
                self.inside = True
                self.stack = [(tag, "")]
            return
        if tag in VOID:
            return
        classes = (a.get("class") or "").split()
        if self.skip or tag in SKIP_TAGS or SKIP_CLASSES.intersection(classes):
            self.skip += 1
            self.stack.append((tag, ""))
            return
        if a.get("id"):
            self.out.append(f'<div id="{html.escape(a["id"], quote=True)}">')
            self.stack.append((tag, "</div>"))
        else:
            self.stack.append((tag, ""))

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:  # <span ... /> in XHTML style: an empty element
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self.inside or self.done or tag in VOID:
            return
        # close up to the matching tag (tolerates unclosed <p>, <li>)
        while self.stack:
            open_tag, closing = self.stack.pop()
            if self.skip:
                self.skip -= 1
            else:
                self.out.append(closing)
            if open_tag == tag:
                break
        if not self.stack:
            self.done = True

    def handle_data(self, data):
        if self.inside and not self.done and not self.skip:
            self.out.append(html.escape(data, quote=False))


def main_text(page_html: str) -> str:
    """The search text of one page (see the module docstring)."""
    parser = _MainText()
    parser.feed(page_html)
    parser.close()
    text = SPACE.sub(" ", "".join(parser.out)).strip()
    return f'<div role="main">{text}</div>' if text else ""


def script(docname: str, text: str) -> str:
    """The JavaScript file of one page."""
    args = json.dumps([docname, text], ensure_ascii=False)[1:-1]
    return f"CourseSearchText.put({args});\n"


def write_all(outdir: Path, pages: dict[str, Path]) -> int:
    """Write ``_searchtext/<docname>.js`` for ``{docname: html file}`` and remove the files of
    pages that are gone; a file newer than its page is kept. Returns how many were written."""
    target = outdir / OUT_DIR
    written = 0
    wanted = set()
    for docname, page in sorted(pages.items()):
        out = target / f"{docname}.js"
        wanted.add(out)
        if out.exists() and out.stat().st_mtime_ns >= page.stat().st_mtime_ns:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        tmp.write_text(script(docname, main_text(page.read_text(encoding="utf-8"))), encoding="utf-8")
        os.replace(tmp, out)
        written += 1
    if target.exists():
        for old in target.rglob("*.js"):
            if old not in wanted:
                old.unlink()
    return written

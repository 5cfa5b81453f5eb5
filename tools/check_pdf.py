"""Print checks for the PDF: nothing runs off the page, bookmarks exist, internal links work.

    python tools/check_pdf.py [_build/latex/open-audio-production-course.pdf]

* **Overfull boxes.** LaTeX writes ``Overfull \\hbox (12.3pt too wide)`` to the log when a
  line, table or figure is wider than the text block, and ``Overfull \\vbox`` when a box is
  taller than its space. A line more than 1 pt wider than the text block visibly runs into the
  margin, so it counts. A vertical overrun counts from 3 pt, a quarter of a line of 11 pt
  text: below that it moves nothing off the page (a code frame 1.2 pt too tall is one).
  ``Float too large for page`` (a figure or table taller than the page) always counts.
* **Text outside the text block.** ``pdftotext -bbox`` gives every word's position,
  including the words inside figures. A word more than ``MARGIN_TOLERANCE_PT`` (6 pt, about
  2 mm) left or right of the text block is text running into the margin or off the page, or a
  figure label that its own figure clips.
* **Bookmarks.** The PDF outline lists the chapters, so a reader can jump to a module.
* **Internal links.** Every link annotation that points inside the document resolves to a
  destination that exists.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

TOLERANCE_PT = {"h": 1.0, "v": 3.0}
OVERFULL = re.compile(r"^Overfull \\([hv])box \(([\d.]+)pt too (?:wide|high)\) (.*)$", re.M)
FLOAT_TOO_LARGE = re.compile(r"Float too large for page by ([\d.]+)pt on input line (\d+)")


HMARGIN_PT = 2.2 / 2.54 * 72  # conf.py: sphinxsetup hmargin={2.2cm,2.2cm}
MARGIN_TOLERANCE_PT = 6.0
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


@dataclass
class Outside:
    page: int
    points: float  # how far past the text block
    word: str


def words_outside_text_block(pdf: Path, hmargin: float = HMARGIN_PT,
                             tolerance: float = MARGIN_TOLERANCE_PT) -> list[Outside]:
    """Words that start left of, or end right of, the text block by more than ``tolerance``."""
    import subprocess

    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        left, right = hmargin, width - hmargin
        for m in WORD.finditer(page):
            x0, x1 = float(m.group(1)), float(m.group(2))
            past = max(left - x0, x1 - right)
            if past > tolerance:
                found.append(Outside(number, round(past, 1), m.group(3)))
    return found


@dataclass
class Overfull:
    kind: str      # "hbox" (too wide) or "vbox" (too high) or "float"
    points: float
    where: str     # "in paragraph at lines 40785--40788" or "detected at line 58579"
    context: str   # the next log line: what the box held


def overfull_boxes(log_text: str, tolerance: dict[str, float] = TOLERANCE_PT) -> list[Overfull]:
    found = []
    lines = log_text.splitlines()
    for i, line in enumerate(lines):
        m = OVERFULL.match(line)
        if m and float(m.group(2)) > tolerance[m.group(1)]:
            context = lines[i + 1].strip() if i + 1 < len(lines) else ""
            found.append(Overfull(m.group(1) + "box", float(m.group(2)), m.group(3), context))
    for m in FLOAT_TOO_LARGE.finditer(log_text):
        found.append(Overfull("float", float(m.group(1)), f"input line {m.group(2)}", ""))
    return found


def outline_titles(pdf: Path) -> list[str]:
    """Every bookmark title in the PDF outline, depth first."""
    from pypdf import PdfReader

    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(PdfReader(str(pdf)).outline)
    return titles


@dataclass
class Links:
    internal: int
    external: int
    broken: list[str]


def internal_links(pdf: Path) -> Links:
    """Count link annotations and check that each internal one reaches a destination."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject

    reader = PdfReader(str(pdf))
    named = reader.named_destinations
    internal = external = 0
    broken = []
    for number, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A")
            dest = a.get("/Dest")
            if action is not None:
                action = action.get_object()
                if action.get("/S") == "/URI":
                    external += 1
                    continue
                if action.get("/S") == "/GoTo":
                    dest = action.get("/D")
            if dest is None:
                continue
            internal += 1
            dest = dest.get_object() if hasattr(dest, "get_object") else dest
            if isinstance(dest, ArrayObject):
                continue  # an explicit page destination: it points at a page object that exists
            if str(dest) not in named:
                broken.append(f"page {number}: {dest}")
    return Links(internal, external, broken)


def main() -> int:
    pdf = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/latex/open-audio-production-course.pdf")
    log = pdf.with_suffix(".log")
    problems = 0
    boxes = overfull_boxes(log.read_text(encoding="utf-8", errors="replace"))
    for b in boxes:
        print(f"{log.name}: overfull {b.kind} {b.points}pt {b.where}: {b.context[:80]}")
    problems += len(boxes)
    outside = words_outside_text_block(pdf)
    for w in outside:
        print(f"page {w.page}: '{w.word}' {w.points}pt outside the text block")
    problems += len(outside)
    titles = outline_titles(pdf)
    print(f"bookmarks: {len(titles)}")
    links = internal_links(pdf)
    print(f"links: {links.internal} internal, {links.external} external, {len(links.broken)} broken")
    for b in links.broken[:20]:
        print(f"  broken: {b}")
    problems += len(links.broken) + (not titles)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

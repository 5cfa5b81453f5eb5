"""Checks of the course as a book: one numbering in the site, the EPUB and the PDF; lessons
are sections of their module's chapter; the EPUB passes EPUBCheck and is well-formed XHTML;
the PDF's index points at pages that hold its terms.

    python tools/check_book.py HTML_DIR EPUB_FILE PDF_FILE [MODULE ...]

Used by tests/book/ and tools/bench.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ext"))
from book.terms import names_term  # noqa: E402  (the rule the index entries follow)

# -- numbers in the HTML and EPUB pages --------------------------------------------------------

#: kind -> pattern over a page's HTML; group 1 the number, group 2 the text after it
HTML_PATTERNS = {
    "lesson": re.compile(r'<h1><span class="section-number">([\d.]+) </span>([^<]*)'),
    "figure": re.compile(r'caption-number">Fig\. ([\d.]+) </span><span class="caption-text">([^<]*)'),
    "table": re.compile(r'caption-number">Table ([\d.]+) </span><span class="caption-text">([^<]*)'),
    "question": re.compile(r'>Question ([\d.]+)</a>()'),
    "audio": re.compile(r'audio-label">(?:[A-Z] \()?Audio ([\d.]+)\)?\.</strong>()'),
}
#: kind -> how the PDF prints "number text"
PDF_FORMATS = {"lesson": "{} {}", "figure": "Fig. {}: {}", "table": "Table {}: {}",
               "question": "Question {}{}", "audio": "Audio {}"}
PDF_NUMBER = {"lesson": None, "figure": r"Fig\. ({m}\.\d+)", "table": r"Table ({m}\.\d+)",
              "question": r"Question ({m}\.\d+)", "audio": r"Audio ({m}\.\d+)"}


@dataclass(frozen=True, order=True)
class Numbered:
    kind: str
    number: str
    text: str  # the first words of the title or caption ("" for questions)


def _words(text: str, n: int = 4) -> str:
    import html

    return " ".join(html.unescape(text).split()[:n])


def numbers_in_page(markup: str) -> list[Numbered]:
    """The numbered things of one HTML or EPUB XHTML page."""
    found = []
    for kind, pattern in HTML_PATTERNS.items():
        for m in pattern.finditer(markup):
            found.append(Numbered(kind, m.group(1), _words(m.group(2)) if kind != "audio" else ""))
    return found


def module_pages(names: Iterable[str], module: int) -> list[str]:
    prefix = re.compile(rf"(^|/)modules/{module:02d}-[^/]+/[^/]+\.x?html$")
    return sorted(n for n in names if prefix.search(n))


def html_numbers(site: Path, module: int) -> set[Numbered]:
    pages = module_pages((p.relative_to(site).as_posix() for p in site.rglob("*.html")), module)
    return {n for p in pages for n in numbers_in_page((site / p).read_text(encoding="utf-8"))}


def epub_numbers(epub: Path, module: int) -> set[Numbered]:
    with zipfile.ZipFile(epub) as z:
        pages = module_pages(z.namelist(), module)
        return {n for p in pages for n in numbers_in_page(z.read(p).decode("utf-8"))}


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True)
    return out.stdout


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", ""))


def pdf_mismatches(text: str, expected: set[Numbered], module: int) -> list[str]:
    """What the PDF's text lacks of *expected* (numbers with the start of their title or
    caption), and numbers of *module* the PDF prints that the site does not have."""
    flat = _flat(text)
    problems = [f"{n.kind} {n.number} {n.text!r} not in the PDF"
                for n in sorted(expected)
                if PDF_FORMATS[n.kind].format(n.number, n.text) not in flat]
    for kind, pattern in PDF_NUMBER.items():
        if pattern is None:
            continue
        printed = set(re.findall(pattern.format(m=module), flat))
        known = {n.number for n in expected if n.kind == kind}
        problems += [f"{kind} {num} printed in the PDF, unknown to the site"
                     for num in sorted(printed - known)]
    return problems


# -- structure -----------------------------------------------------------------------------

#: a sectioning command, then on the next line its labels (Sphinx writes the page's
#: ``<docname>::doc`` label after the heading of the page's title)
HEADING = re.compile(r"^\\(chapter|(?:sub)*section)\*?\{.*\}\n((?:\\label\{\\detokenize\{[^}]*\}\})+)", re.M)
PAGE_LABEL = re.compile(r"\\label\{\\detokenize\{(modules/\d\d-[^/:]+/[^:}]+)::doc\}\}")


def module_page_headings(tex: str) -> list[tuple[str, str]]:
    """``(docname, command)``: the sectioning command that opens each page of a module."""
    found = []
    for m in HEADING.finditer(tex):
        for docname in PAGE_LABEL.findall(m.group(2)):
            found.append((docname, "\\" + m.group(1)))
    return found


def nesting_errors(tex: str) -> list[str]:
    """Module pages that the LaTeX source does not open with a ``\\section`` (the overview
    with ``\\chapter``): a page nested under a subsection opens with ``\\subsection``."""
    errors = []
    for docname, command in module_page_headings(tex):
        want = r"\chapter" if docname.endswith("/index") else r"\section"
        if command != want:
            errors.append(f"{docname} starts with {command}, not {want}")
    return errors


# -- EPUB ------------------------------------------------------------------------------------

@dataclass
class EpubCheck:
    fatal: int = 0
    error: int = 0
    warning: int = 0
    messages: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.fatal} fatal errors, {self.error} errors, {self.warning} warnings"


def epubcheck_command() -> list[str]:
    """Debian's ``epubcheck`` is a symbolic link to a jar (run through binfmt_misc, which
    containers often lack): run the jar with java."""
    import shutil

    found = shutil.which("epubcheck")
    if found is None:
        raise FileNotFoundError("epubcheck is not installed (Debian package epubcheck)")
    real = Path(found).resolve()
    return ["java", "-jar", str(real)] if real.suffix == ".jar" else [found]


SUMMARY = re.compile(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?")
MESSAGE = re.compile(r"^(FATAL|ERROR|WARNING)\((\w+-\d+)\): (?:.*?\.epub/)?(.*)$", re.M)


def epubcheck(epub: Path) -> EpubCheck:
    """Run Debian's ``epubcheck`` and read its summary ("Messages: 0 fatals / 0 errors / 0
    warnings / 0 infos") and its messages."""
    proc = subprocess.run([*epubcheck_command(), str(epub)], capture_output=True, text=True,
                          check=False)
    out = proc.stdout + proc.stderr
    summary = SUMMARY.search(out)
    result = EpubCheck(messages=[f"{m[0].lower()} {m[1]} {m[2]}" for m in MESSAGE.findall(out)])
    if summary:
        result.fatal, result.error, result.warning = (int(n) for n in summary.groups())
    elif "No errors or warnings detected" not in out:
        raise RuntimeError(f"epubcheck gave no summary (exit {proc.returncode}):\n{out[-2000:]}")
    return result


def xhtml_errors(epub: Path) -> list[str]:
    """XHTML pages of the EPUB that an XML parser rejects (a bare ``download`` attribute)."""
    errors = []
    with zipfile.ZipFile(epub) as z:
        for name in z.namelist():
            if name.endswith(".xhtml"):
                parser = expat.ParserCreate()
                try:
                    parser.Parse(z.read(name), True)
                except expat.ExpatError as exc:
                    errors.append(f"{name}: {exc}")
    return errors


def opf_metadata(epub: Path) -> dict[str, list[str]]:
    """``<meta property>`` values of the package document."""
    with zipfile.ZipFile(epub) as z:
        opf = next(n for n in z.namelist() if n.endswith(".opf"))
        text = z.read(opf).decode("utf-8")
    found: dict[str, list[str]] = {}
    for prop, value in re.findall(r'<meta property="([^"]+)">([^<]*)</meta>', text):
        found.setdefault(prop, []).append(value)
    return found


# -- the PDF's index ---------------------------------------------------------------------------

INDEX_ENTRY = re.compile(r"^\s*(\S[^,]*?), ((?:[ivxlc]+|\d+)(?:, (?:[ivxlc]+|\d+))*)\s*$")


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page."""
    return pdf_text(pdf).split("\f")


def page_labels(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return list(PdfReader(str(pdf)).page_labels)


def index_entries(pages: list[str]) -> dict[str, list[str]]:
    """``{term: [printed page, ...]}`` from the index pages at the end of the PDF."""
    start = min((i for i, p in enumerate(pages) if re.search(r"^\s*INDEX\s*$", p, re.M)),
                default=None)
    if start is None:
        return {}
    entries: dict[str, list[str]] = {}
    for page in pages[start:]:
        for line in page.splitlines():
            for column in re.split(r"\s{3,}", line.strip()):
                m = INDEX_ENTRY.match(column)
                if m and not m.group(1).isdigit():
                    entries[m.group(1).strip()] = m.group(2).split(", ")
    return entries


def index_misses(pdf: Path, sample: int = 30) -> tuple[int, list[str]]:
    """(number of index entries, entries whose pages do not contain the term), checking a
    spread-out sample of *sample* entries."""
    return index_misses_in(pdf_pages(pdf), page_labels(pdf), sample)


def index_misses_in(pages: list[str], labels: list[str], sample: int = 30) -> tuple[int, list[str]]:
    """:func:`index_misses` on the pages' text and their printed labels ("iv", "12")."""
    entries = index_entries(pages)
    terms = sorted(entries)
    step = max(1, len(terms) // sample)
    misses = []
    for term in terms[::step][:sample]:
        for printed in entries[term]:
            if printed not in labels:
                misses.append(f"{term}: page {printed} does not exist")
                continue
            if not names_term(pages[labels.index(printed)], term):
                misses.append(f"{term}: not on page {printed}")
    return len(entries), misses


def main(argv: list[str]) -> int:
    site, epub, pdf = (Path(a) for a in argv[1:4])
    modules = [int(m) for m in argv[4:]] or [1, 6, 10]
    text = pdf_text(pdf)
    bad = 0
    for m in modules:
        h, e = html_numbers(site, m), epub_numbers(epub, m)
        problems = [f"HTML only: {n}" for n in sorted(h - e)] + [f"EPUB only: {n}" for n in sorted(e - h)]
        problems += pdf_mismatches(text, h, m)
        print(f"module {m}: {len(h)} numbered items, {len(problems)} problems")
        for p in problems:
            print("  ", p)
        bad += len(problems)
    check = epubcheck(epub)
    print("EPUBCheck:", check)
    for line in check.messages[:20]:
        print("  ", line)
    n, misses = index_misses(pdf)
    print(f"index: {n} entries, {len(misses)} sampled entries not on their pages")
    return 1 if bad or check.fatal or check.error or misses or not n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

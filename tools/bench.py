"""Benchmark the build: print times and sizes (goals are printed beside them; nothing fails).

Runs on a scratch copy of the repository so that the working tree and its _build/ are left
alone. Prints:

* fresh full build: ``make html`` from nothing (HTML + PDF + EPUB + audio generation);
* no-op ``make html`` (goal: under 5 s on a 2-core machine);
* ``make html`` after editing one lesson (goal: under 15 s for the HTML; the PDF and EPUB are
  rebuilt too when a source changed, and their time is shown separately);
* PDF time alone (``make pdf`` after an edit);
* audio generation: examples, seconds, and audio bytes in the built site;
* fresh builds of tests/roots/test-parallel (quizzes, audio, figures, math) with ``-j1`` and
  ``-j2``, each from nothing (its own audio and figure caches), the HTML builder alone;
* the book: the PDF's page count and build time, the EPUB's size, EPUBCheck's result;
* the size of the site, and every page's first-visit weight (tools/page_weight.py: HTML, CSS,
  JS and eager images, gzipped as a server sends them, audio excluded), naming the heaviest;
* the listening claims (tests/audio/claims.py): audio pairs, examples with measured claims and
  examples labeled perceptual only (``--claims-only`` prints just these);
* the instructor exports (ext/lms/): the export time from the build log and each file's size
  in ``downloads/instructor/`` (``--lms-only [_build/html]`` prints the sizes of an existing
  build).

* the interactive parts (tools/bench_parts/: the gym, the labs, the A/B player, progress, the
  offline site ZIP), each module printing its own lines (``--parts-only [_build/html]``).

``python tools/bench.py --weights-only [_build/html]`` prints only the page weights of an
existing build; ``--book-only [_build]`` only the PDF's pages and size, the EPUB's size and
its EPUBCheck result.

Usage: python tools/bench.py [--skip-fresh] [--parallel-only]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns("_build", ".venv", ".git", "__pycache__", ".pytest_cache")


def run(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return elapsed


def dir_bytes(path: Path, suffixes: tuple[str, ...] | None = None) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and (suffixes is None or p.suffix in suffixes))


def print_parallel_times(rounds: int = 2) -> None:
    """Fresh HTML builds of the small test root with -j1 and -j2, alternating, best of
    *rounds* (the machine may be shared; the best time is the least disturbed one)."""
    import parallel_build

    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as tmp:
        for r in range(rounds):
            for jobs in ("1", "2"):
                base = Path(tmp) / f"r{r}-j{jobs}"
                base.mkdir()
                seconds, proc = parallel_build.build(parallel_build.TEST_ROOT, base / "html", jobs,
                                                     audio_cache=base / "audio-cache")
                if proc.returncode != 0:
                    raise SystemExit(f"-j{jobs} failed:\n{proc.stderr[-3000:]}")
                best[jobs] = min(best.get(jobs, seconds), seconds)
    print(f"fresh build of tests/roots/test-parallel, -j1:     {best['1']:7.1f} s   (best of {rounds})")
    print(f"fresh build of tests/roots/test-parallel, -j2:     {best['2']:7.1f} s   (best of {rounds})")


def print_book(build: Path, pdf_seconds: float | None = None) -> None:
    """The PDF's page count and build time, the EPUB's size and EPUBCheck's verdict."""
    import check_book

    pdf = build / "latex" / "open-audio-production-course.pdf"
    epub = build / "epub" / "open-audio-production-course.epub"
    if pdf.exists():
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        took = f", built in {pdf_seconds:.1f} s" if pdf_seconds is not None else ""
        print(f"PDF: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB{took}")
    if epub.exists():
        print(f"EPUB: {epub.stat().st_size / 1e6:.1f} MB")
        try:
            print(f"EPUBCheck: {check_book.epubcheck(epub)}")
        except FileNotFoundError as exc:
            print(f"EPUBCheck: not run ({exc})")


def main() -> None:
    if "--book-only" in sys.argv:
        rest = [a for a in sys.argv[1:] if not a.startswith("--")]
        print_book(Path(rest[0]) if rest else ROOT / "_build")
        return
    if "--claims-only" in sys.argv:
        print_claim_counts()
        return
    if "--parallel-only" in sys.argv:
        print(f"machine: {os.cpu_count()} cores")
        print_parallel_times()
        return
    if "--lms-only" in sys.argv:
        rest = [a for a in sys.argv[1:] if not a.startswith("--")]
        print_lms_sizes(Path(rest[0]) if rest else ROOT / "_build" / "html")
        return
    if "--parts-only" in sys.argv:
        rest = [a for a in sys.argv[1:] if not a.startswith("--")]
        print_parts(Path(rest[0]) if rest else ROOT / "_build" / "html")
        return
    if "--weights-only" in sys.argv:
        rest = [a for a in sys.argv[1:] if not a.startswith("--")]
        print_page_weights(Path(rest[0]) if rest else ROOT / "_build" / "html")
        return
    skip_fresh = "--skip-fresh" in sys.argv
    work = Path(tempfile.mkdtemp(prefix="course-bench-")) / "repo"
    shutil.copytree(ROOT, work, ignore=IGNORE)
    if (ROOT / ".venv").exists():
        os.symlink(ROOT / ".venv", work / ".venv")
    if skip_fresh and (ROOT / "_build").exists():
        shutil.copytree(ROOT / "_build", work / "_build", symlinks=True)
    make = ["make", "html"]
    print(f"machine: {os.cpu_count()} cores")
    print_parallel_times()
    if not skip_fresh:
        t = run(make, work)
        print(f"fresh full build (make html, HTML+PDF+EPUB+audio): {t:7.1f} s")
    t = run(make, work)
    print(f"no-op make html:                                   {t:7.1f} s   (goal < 5 s)")
    lesson = next(p for p in sorted((work / "docs" / "modules").glob("*/*.rst")) if p.name not in {
        "index.rst", "exercise.rst", "review.rst", "reading.rst", "answers.rst"})
    with open(lesson, "a", encoding="utf-8") as fh:
        fh.write("\n")
    start = time.perf_counter()
    t_html = run(["make", "html-only"], work)
    print(f"edit one lesson, HTML only (make html-only):       {t_html:7.1f} s   (goal < 15 s)  [{lesson.name}]")
    t_pdf = run(["make", "pdf"], work)
    print(f"  then the PDF (make pdf):                         {t_pdf:7.1f} s")
    t_epub = run(["make", "epub"], work)
    print(f"  then the EPUB (make epub):                       {t_epub:7.1f} s")
    t = run(make, work)
    print(f"  then make html (copies the downloads):           {t:7.1f} s")
    print(f"edit one lesson, complete site:                    {time.perf_counter() - start:7.1f} s")
    site = work / "_build" / "html"
    audio = dir_bytes(site, (".mp3", ".wav", ".zip"))
    audio_files = sum(1 for _ in (site / "_audio").glob("*")) if (site / "_audio").exists() else 0
    print(f"site size: {dir_bytes(site) / 1e6:.1f} MB, of which audio and the practice ZIP "
          f"{audio / 1e6:.1f} MB in {audio_files} files")
    print_book(work / "_build", t_pdf)
    print_page_weights(site)
    print_parts(site)
    print_claim_counts()
    print_lms_exports(work)
    shutil.rmtree(work.parent, ignore_errors=True)


def print_parts(site: Path) -> None:
    """The interactive parts' own measurements (tools/bench_parts/)."""
    sys.path.insert(0, str(ROOT / "tools"))
    from bench_parts import report_all

    report_all(site)


def print_claim_counts() -> None:
    """How many audio examples have measured listening claims (tests/audio/claims.py)."""
    for p in (ROOT, ROOT / "tests" / "audio"):
        if str(p) not in sys.path:
            sys.path.insert(0, str(p))
    import claims

    c = claims.counts()
    print(f"listening claims: {c['measured_claims']} measured claims on {c['examples_measured']} "
          f"examples; {c['pairs']} audio pairs ({c['pairs_measured']} measured, "
          f"{c['pairs_perceptual_only']} perceptual only); {c['examples_perceptual_only']} "
          "examples labeled perceptual only")


def print_lms_exports(work: Path) -> None:
    """The instructor exports: the time of the post-build step (its summary line in the log of
    a no-op HTML build, which writes them again) and every file's size."""
    proc = subprocess.run(["make", "html-only"], cwd=work, capture_output=True, text=True)
    summary = next((line for line in proc.stdout.splitlines()
                    if line.startswith("lms: ") and " questions; wrote " in line), None)
    print(f"instructor exports: {summary[5:] if summary else 'no summary line: ' + proc.stderr[-500:]}")
    print_lms_sizes(work / "_build" / "html")


def print_lms_sizes(site: Path) -> None:
    """Every file of downloads/instructor/, with its size."""
    folder = site / "downloads" / "instructor"
    files = sorted(folder.glob("*")) if folder.exists() else []
    print(f"instructor exports in {folder}: {len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.2f} MB")
    for path in files:
        print(f"  {path.stat().st_size / 1024:9.1f} KB  {path.name}")


def print_page_weights(site: Path) -> None:
    """Every page's first visit (tools/page_weight.py), heaviest first, and the heaviest named."""
    sys.path.insert(0, str(ROOT / "tools"))
    import page_weight

    weights = page_weight.weigh_site(site)
    print("first visit per page (gzip; HTML, CSS, JS, favicon, eager images; audio never; "
          f"goal < {page_weight.LIMIT_BYTES // 1024} KB):")
    print(f"  {'KB':>6} {'lazy KB':>8} {'files':>5}  page")
    for w in weights:
        print(f"  {w.first_visit / 1024:6.1f} {w.lazy_images / 1024:8.1f} {w.files:5}  {w.page}")
    lessons = [w for w in weights if w.page.startswith("modules/")]
    print(f"heaviest page: {weights[0].page} at {weights[0].first_visit / 1024:.1f} KB; heaviest lesson: "
          f"{lessons[0].page} at {lessons[0].first_visit / 1024:.1f} KB; over the goal: "
          f"{[w.page for w in weights if w.first_visit > page_weight.LIMIT_BYTES]}")


if __name__ == "__main__":
    main()

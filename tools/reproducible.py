"""Reproducible builds: two clean builds of the same commit give byte-identical output.

    python tools/reproducible.py            # build twice in temporary folders and compare
    python tools/reproducible.py A B        # compare two build roots (each with html/, latex/)

Compared: every file the HTML builder writes (pages, search index, static files, figures,
math and generated audio, and the instructor exports in ``html/downloads/instructor/``) and
every file the LaTeX builder writes (the ``.tex`` sources, figures and support files). Not
compared: what ``make`` adds afterwards (the PDF and EPUB copied into ``html/downloads/``)
and LaTeX's own run products (``.aux``, ``.log``, the PDF: XeLaTeX stamps its PDFs).

Each build runs with its own audio cache, doctree cache and a different ``PYTHONHASHSEED``,
so output that depends on set ordering, on hashing or on the build folder shows up as a
difference. ``SOURCE_DATE_EPOCH`` fixes the one date Sphinx may print.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01; the Makefile uses the last commit's date
BUILDERS = ("html", "latex")
NOT_BUILDER_OUTPUT = {
    "html": ("downloads/open-audio-production-course.",),
    "latex": (".aux", ".log", ".pdf", ".toc", ".out", ".idx", ".ilg", ".ind", ".fls",
              ".fdb_latexmk", ".xdv", ".maf", ".glo", ".lof", ".lot", ".synctex.gz"),
}


def build_command(builder: str, srcdir: Path, outdir: Path, doctrees: Path, *extra: str) -> list[str]:
    # the course keeps conf.py at the top level; a test project keeps it beside its sources
    confdir = ROOT if srcdir.resolve() == (ROOT / "docs").resolve() else srcdir
    return [sys.executable, "-m", "sphinx", "-b", builder, "-c", str(confdir), "-W", "--keep-going",
            "-n", "-q", "-d", str(doctrees), *extra, str(srcdir), str(outdir)]


def build_env(seed: str) -> dict[str, str]:
    return dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH),
                PYTHONHASHSEED=seed)


def build(root: Path, seed: str = "2", srcdir: Path = ROOT / "docs", builders=BUILDERS,
          latex_cache: Path | None = None) -> None:
    """A clean build into root/<builder>/ with its own doctrees and audio cache (root/.audio-cache).

    ``latex_cache``: an audio cache for the LaTeX builder to share, so that the print plots of
    the audio examples (about 150 matplotlib PDFs) are drawn once for both builds. The test
    suite passes its own build's cache; the plots' determinism has its own test
    (tests/audio/test_audio_latex.py::test_plots_are_deterministic), and the audio and HTML are
    still rendered from nothing.
    """
    root.mkdir(parents=True, exist_ok=True)
    for builder in builders:
        extra = ("-D", f"audio_cache_dir={latex_cache}") if builder == "latex" and latex_cache else ()
        cmd = build_command(builder, srcdir, root / builder, root / "doctrees", *extra)
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=build_env(seed))
        if proc.returncode != 0:
            raise RuntimeError(f"{builder} build failed:\n{proc.stderr[-3000:]}")


def start_build(root: Path, seed: str = "2", srcdir: Path = ROOT / "docs",
                latex_cache: Path | None = None) -> subprocess.Popen:
    """The same build in the background (the test suite runs it beside its own build)."""
    root.mkdir(parents=True, exist_ok=True)
    cache = f"Path({str(latex_cache)!r})" if latex_cache else "None"
    code = (f"import sys; from pathlib import Path; sys.path.insert(0, {str(ROOT / 'tools')!r}); "
            f"import reproducible; reproducible.build(Path({str(root)!r}), {seed!r}, "
            f"Path({str(srcdir)!r}), latex_cache={cache})")
    log = open(root / "build.log", "w")
    return subprocess.Popen([sys.executable, "-c", code], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)


def _files(outdir: Path, builder: str) -> dict[str, Path]:
    skip = NOT_BUILDER_OUTPUT.get(builder, ())
    files = {}
    for path in outdir.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(outdir).as_posix()
        if any(rel.startswith(s) or rel.endswith(s) for s in skip):
            continue
        files[rel] = path
    return files


def compare(a: Path, b: Path, builders=BUILDERS) -> list[str]:
    """Differences between two build roots, one line each; empty when identical."""
    problems = []
    for builder in builders:
        fa, fb = _files(a / builder, builder), _files(b / builder, builder)
        if not fa:
            problems.append(f"{builder}: no files in {a / builder}")
        for rel in sorted(fa.keys() - fb.keys()):
            problems.append(f"{builder}/{rel}: only in the first build")
        for rel in sorted(fb.keys() - fa.keys()):
            problems.append(f"{builder}/{rel}: only in the second build")
        for rel in sorted(fa.keys() & fb.keys()):
            da, db = fa[rel].read_bytes(), fb[rel].read_bytes()
            if da != db:
                at = next((i for i, (x, y) in enumerate(zip(da, db)) if x != y), min(len(da), len(db)))
                problems.append(f"{builder}/{rel}: differs from byte {at}: "
                                f"{da[max(0, at - 30):at + 40]!r} vs {db[max(0, at - 30):at + 40]!r}")
    return problems


def main() -> int:
    if len(sys.argv) == 3:
        a, b = Path(sys.argv[1]), Path(sys.argv[2])
    else:
        tmp = Path(tempfile.mkdtemp(prefix="course-repro-"))
        a, b = tmp / "a", tmp / "b"
        print(f"building twice in {tmp} …", flush=True)
        first = start_build(a, seed="1")
        build(b, seed="2")
        if first.wait() != 0:
            print((a / "build.log").read_text()[-3000:])
            return 1
    problems = compare(a, b)
    for line in problems[:50]:
        print(line)
    print(f"{len(problems)} differences" if problems else "identical: HTML, audio and LaTeX sources")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

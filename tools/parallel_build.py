"""Build a project with ``sphinx-build -j N`` and compare two builds byte for byte.

Used by tests/site/test_parallel.py (``-j1`` and ``-j2`` must give identical HTML) and by
tools/bench.py (fresh-build times of tests/roots/test-parallel with ``-j1`` and ``-j2``).

Usage: python tools/parallel_build.py [srcdir]   (default: tests/roots/test-parallel)
prints both times and the files that differ.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST_ROOT = ROOT / "tests" / "roots" / "test-parallel"
#: Reproducible output: no date from the clock, no hash-seed-dependent order.
BUILD_ENV = {"SOURCE_DATE_EPOCH": "1767225600", "PYTHONHASHSEED": "1"}


def build(srcdir: Path, outdir: Path, jobs: str | int, *, builder: str = "html",
          audio_cache: Path | None = None, extra: tuple[str, ...] = ()) -> tuple[float, subprocess.CompletedProcess]:
    """A fresh ``sphinx-build -W --keep-going -j <jobs>`` of *srcdir* into *outdir* (doctrees
    beside it); returns the wall-clock seconds and the finished process."""
    doctrees = outdir.with_name(outdir.name + "-doctrees")
    path = os.pathsep.join([str(ROOT), str(ROOT / "ext"), os.environ.get("PYTHONPATH", "")])
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-n", "-q",
           "-E", "-j", str(jobs), "-d", str(doctrees)]
    if audio_cache is not None:
        cmd += ["-D", f"audio_cache_dir={audio_cache}"]
    cmd += [*extra, str(srcdir), str(outdir)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=path, **BUILD_ENV))
    return time.perf_counter() - start, proc


def differences(a: Path, b: Path) -> list[str]:
    """Paths (relative) that exist in only one tree or whose bytes differ."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        for name in cmp.common_files:
            if not filecmp.cmp(Path(cmp.left) / name, Path(cmp.right) / name, shallow=False):
                found.append(prefix + name)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return sorted(found)


def main() -> None:
    srcdir = Path(sys.argv[1]) if len(sys.argv) > 1 else TEST_ROOT
    with tempfile.TemporaryDirectory(prefix="parallel-") as tmp:
        base = Path(tmp)
        cache = base / "audio-cache"
        times = {}
        for jobs in ("1", "2"):
            times[jobs], proc = build(srcdir, base / f"j{jobs}", jobs, audio_cache=cache)
            if proc.returncode != 0:
                sys.exit(f"-j{jobs} failed:\n{proc.stderr[-3000:]}")
        print(f"-j1: {times['1']:.1f} s, -j2: {times['2']:.1f} s")
        diff = differences(base / "j1", base / "j2")
        print("identical" if not diff else "differ: " + ", ".join(diff))


if __name__ == "__main__":
    main()

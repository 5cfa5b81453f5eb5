"""Build one module on its own and print what is wrong with it.

For module authors: ``python tools/check_module.py 06`` copies docs/ to a scratch folder, folds
the glossary fragments into the glossary, builds only the landing page, the glossary and module
06 (HTML, then spelling), and prints every warning that concerns the module's own files (its
.rst files, its recipes and figures). A clean module prints "module 06: no problems".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))


def main(number: str) -> int:
    number = f"{int(number):02d}"
    folders = list((ROOT / "docs" / "modules").glob(f"{number}-*"))
    if not folders:
        print(f"no module folder docs/modules/{number}-*")
        return 2
    module = folders[0].name
    work = Path(tempfile.mkdtemp(prefix=f"check-{number}-"))
    src = work / "docs"
    shutil.copytree(ROOT / "docs", src)
    # Fold every fragment into the scratch glossary.
    import merge_glossary

    merge_glossary.GLOSSARY = src / "glossary.rst"
    merge_glossary.ROOT = work
    text = merge_glossary.merge(write=False)
    (src / "glossary.rst").write_text(text, encoding="utf-8")
    # Links: accept the module's own _links.txt during the check.
    extra = folders[0] / "_links.txt"
    if extra.exists():
        with open(src / "links.txt", "a", encoding="utf-8") as fh:
            fh.write("\n" + extra.read_text(encoding="utf-8"))
    include = f"index.rst,glossary.rst,modules/{module}/**"
    cache = ROOT / "_build" / ".audio-cache"
    problems = []
    for builder in ("html", "spelling"):
        cmd = [
            sys.executable, "-m", "sphinx", "-b", builder, "-c", str(ROOT), "-n", "-q",
            "-D", f"include_patterns={include}",
            "-D", f"audio_cache_dir={cache}",
            str(src), str(work / builder),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        for line in (proc.stderr + proc.stdout).splitlines():
            # Links to the rest of the course cannot resolve in a one-module build.
            if "excluded document" in line:
                continue
            elsewhere = rf"'/?(modules/(?!{re.escape(module)})|faq/|instructors/|authoring/|references|about)"
            if ("nonexisting document" in line or "unknown document" in line) and re.search(elsewhere, line):
                continue
            if module in line or f"m{number}" in line or any(
                    word in line for word in ("Traceback", "Extension error", "Exception")):
                problems.append(line.replace(str(src), "docs"))
    for line in problems:
        print(line)
    print(f"module {number}: " + (f"{len(problems)} problems" if problems else "no problems"))
    shutil.rmtree(work, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "01"))

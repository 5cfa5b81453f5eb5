"""Merge glossary fragments (docs/modules/*/_glossary.rst) into docs/glossary.rst.

Module authors write the terms they introduce into a fragment in their module folder; this
script folds every fragment into the one sorted glossary and empties nothing else. Entries are
keyed by their first term (case-insensitive); an entry already in docs/glossary.rst wins, and a
duplicate is reported rather than silently dropped.

Usage:  python tools/merge_glossary.py [--check] [--write]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "glossary.rst"


def parse_entries(text: str, source: str) -> list[tuple[list[str], list[str], str]]:
    """Return (terms, definition_lines, source) for each glossary entry in `text`.

    Entry format (inside or outside a ``.. glossary::`` block): one or more term lines at one
    indentation, then definition lines indented further.
    """
    lines = text.splitlines()
    entries: list[tuple[list[str], list[str], str]] = []
    term_indent = None
    i = 0
    # Skip anything before the first term (title, intro, directive line and options).
    start = 0
    for n, line in enumerate(lines):
        if line.strip().startswith(".. glossary::"):
            start = n + 1
            while start < len(lines) and (lines[start].strip().startswith(":") or not lines[start].strip()):
                start += 1
            break
    i = start
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        indent = len(line) - len(line.lstrip())
        if term_indent is None:
            term_indent = indent
        if indent != term_indent:
            raise SystemExit(f"{source}:{i + 1}: unexpected indentation in glossary entry: {line!r}")
        terms = []
        while i < len(lines) and lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) == term_indent:
            terms.append(lines[i].strip())
            i += 1
        definition = []
        while i < len(lines):
            cur = lines[i]
            if cur.strip() and len(cur) - len(cur.lstrip()) <= term_indent:
                break
            definition.append(cur)
            i += 1
        while definition and not definition[-1].strip():
            definition.pop()
        if not definition:
            raise SystemExit(f"{source}:{i}: glossary term {terms[0]!r} has no definition")
        # Normalize definition indentation to term_indent + 3.
        dind = min(len(d) - len(d.lstrip()) for d in definition if d.strip())
        definition = [("      " + d[dind:]) if d.strip() else "" for d in definition]
        entries.append((terms, definition, source))
    return entries


def sort_key(term: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", term.lower()).strip()


def merge(write: bool, only: list[str] | None = None) -> int:
    head, sep, _ = GLOSSARY.read_text(encoding="utf-8").partition(".. glossary::")
    main = parse_entries(GLOSSARY.read_text(encoding="utf-8"), str(GLOSSARY.relative_to(ROOT)))
    fragments = sorted((ROOT / "docs" / "modules").glob("*/_glossary.rst"))
    if only:
        fragments = [f for f in fragments if f.parent.name[:2] in only]
    merged: dict[str, tuple[list[str], list[str], str]] = {}
    alt_owner: dict[str, str] = {}
    problems = 0
    for terms, definition, source in main + [
        e for f in fragments for e in parse_entries(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))
    ]:
        key = terms[0].lower()
        if key in merged:
            if merged[key][2] != source:
                print(f"duplicate: {terms[0]!r} in {source} (kept the one in {merged[key][2]})")
            continue
        kept_terms = []
        for t in terms:
            owner = alt_owner.get(t.lower())
            if owner and owner != key:
                print(f"duplicate alternative term {t!r} in {source} (already under {owner!r}); dropped")
                problems += 1
                continue
            alt_owner[t.lower()] = key
            kept_terms.append(t)
        merged[key] = (kept_terms, definition, source)
    out = [head.rstrip() + "\n\n.. glossary::\n   :sorted:\n"]
    for key in sorted(merged, key=sort_key):
        terms, definition, _ = merged[key]
        out.append("")
        out.extend("   " + t for t in terms)
        out.extend(definition)
    text = "\n".join(out) + "\n"
    print(f"{len(merged)} entries ({len(main)} already in the glossary, {len(fragments)} fragments)")
    if write:
        GLOSSARY.write_text(text, encoding="utf-8")
        for f in fragments:
            f.unlink()
        print(f"wrote {GLOSSARY.relative_to(ROOT)}; removed the merged fragments")
    return text if not write else problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite docs/glossary.rst and delete the fragments")
    parser.add_argument("--only", nargs="*", help="module numbers whose fragments to merge (default: all)")
    args = parser.parse_args()
    merge(args.write, args.only)
    sys.exit(0)

"""Find the course's ``audio-example`` and ``audio-pair`` directives in ``docs/**/*.rst``.

A plain-text reader (no Sphinx): it follows reStructuredText indentation, skips literal
blocks (``::`` paragraphs, ``code-block``/``code``/``literalinclude`` bodies and ``only``
blocks are read normally), and returns, for every example, its id, file and line, options
(recipe, parsed ``:params:``, ``:loudness:``, ``:lossless:``, ``:allow-clipping:``), the
caption (body) and description as plain text, the pair it belongs to (if any) and the raw
source lines of the directive, so that a quoted phrase can be looked up "near" it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from soundlib.params import parse_params  # the directives' own parser

_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([A-Za-z][\w:-]*)::\s*(.*)$")
_OPTION = re.compile(r"^:([\w-]+):\s*(.*)$")
_LITERAL_DIRECTIVES = {"code-block", "code", "sourcecode", "literalinclude", "raw",
                       "parsed-literal", "math"}


@dataclass
class Example:
    """One ``audio-example`` as written in the sources."""

    id: str
    path: str  # relative to the repository, e.g. docs/modules/06-mixing/eq.rst
    lineno: int  # 1-based line of the directive
    options: dict[str, str]
    caption: str
    description: str
    source: str  # the directive's text, joined into one line of words
    pair: int | None = None  # index of its pair in the file's pairs, None if alone
    pair_label: str | None = None  # "A"/"B" or the :labels: entry
    params: dict = field(default_factory=dict)

    @property
    def recipe(self) -> str:
        return self.options.get("recipe", "").strip()

    @property
    def loudness(self) -> float | None:
        """The directive's level target: -20 by default, None for ``:loudness: none``."""
        value = self.options.get("loudness")
        if value is None:
            return -20.0
        text = value.strip().replace("\N{MINUS SIGN}", "-")
        if text.lower() == "none":
            return None
        return float(re.sub(r"\s*LUFS$", "", text, flags=re.I))

    @property
    def lossless(self) -> bool:
        return "lossless" in self.options

    @property
    def allow_clipping(self) -> bool:
        return "allow-clipping" in self.options


@dataclass
class Pair:
    path: str
    lineno: int
    labels: tuple[str, str]
    examples: list[Example]

    @property
    def key(self) -> tuple[str, str]:
        return (self.examples[0].id, self.examples[1].id)


def _words(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _block(lines: list[str], start: int, indent: int) -> int:
    """Index just past the block that starts after line ``start`` and is indented more than
    ``indent`` (blank lines inside belong to it)."""
    i = start + 1
    end = i
    while i < len(lines):
        line = lines[i]
        if line.strip():
            if len(line) - len(line.lstrip()) <= indent:
                break
            end = i + 1
        i += 1
    return end


def _parse_example(path: str, lines: list[str], i: int, indent: int, ident: str) -> tuple[Example, int]:
    end = _block(lines, i, indent)
    body = lines[i + 1:end]
    options: dict[str, str] = {}
    j = 0
    inner = None
    current = None
    while j < len(body):
        line = body[j]
        if not line.strip():
            j += 1
            if options:
                break
            continue
        stripped = line.strip()
        ind = len(line) - len(line.lstrip())
        m = _OPTION.match(stripped)
        if m and (inner is None or ind == inner):
            inner = ind
            current = m.group(1)
            options[current] = m.group(2)
        elif current is not None and ind > (inner or 0):
            options[current] += " " + stripped
        else:
            break
        j += 1
    caption = _words(body[j:])
    options = {k: " ".join(v.split()) for k, v in options.items()}
    ex = Example(id=ident, path=path, lineno=i + 1, options=options, caption=caption,
                 description=options.get("description", ""),
                 source=_words(lines[i:end]))
    ex.params = parse_params(options.get("params"))
    return ex, end


def parse_file(path: Path, root: Path) -> tuple[list[Example], list[Pair]]:
    """Every audio example and pair in one ``.rst`` file, in reading order."""
    rel = path.relative_to(root).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    examples: list[Example] = []
    pairs: list[Pair] = []
    i = 0
    literal_indent: int | None = None
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        ind = len(line) - len(line.lstrip())
        if literal_indent is not None:
            if stripped and ind <= literal_indent:
                literal_indent = None
            else:
                i += 1
                continue
        m = _DIRECTIVE.match(line)
        if m:
            name, arg = m.group(2), m.group(3).strip()
            if name in _LITERAL_DIRECTIVES:
                literal_indent = ind
            elif name == "audio-example":
                ex, end = _parse_example(rel, lines, i, ind, arg)
                examples.append(ex)
                i = end
                continue
            elif name == "audio-pair":
                end = _block(lines, i, ind)
                labels = ("A", "B")
                for opt in lines[i + 1:end]:
                    om = _OPTION.match(opt.strip())
                    if om and om.group(1) == "labels":
                        labels = tuple(s.strip() for s in om.group(2).split(","))  # type: ignore
                        break
                inner: list[Example] = []
                k = i + 1
                while k < end:
                    dm = _DIRECTIVE.match(lines[k])
                    if dm and dm.group(2) == "audio-example":
                        ex, k = _parse_example(rel, lines, k, len(dm.group(1)),
                                               dm.group(3).strip())
                        ex.pair = len(pairs)
                        ex.pair_label = labels[len(inner)] if len(inner) < 2 else None
                        inner.append(ex)
                    else:
                        k += 1
                examples.extend(inner)
                pairs.append(Pair(rel, i + 1, labels, inner))  # type: ignore[arg-type]
                i = end
                continue
        elif stripped.endswith("::") and not stripped.startswith(".."):
            literal_indent = ind
        i += 1
    return examples, pairs


def find_all(root: Path) -> tuple[list[Example], list[Pair]]:
    """Every example and pair under ``root/docs`` (sorted by file, then reading order)."""
    examples: list[Example] = []
    pairs: list[Pair] = []
    for path in sorted((root / "docs").rglob("*.rst")):
        ex, pa = parse_file(path, root)
        examples.extend(ex)
        pairs.extend(pa)
    return examples, pairs

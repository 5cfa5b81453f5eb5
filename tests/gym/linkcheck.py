""""Train it" links: each drill is linked from a lesson, and links back to it.

Read from the sources (no build): the drills are the ``.. drill:: <kind>`` directives of
``docs/gym/*.rst`` with their ``:lesson:`` (the back link, which the gym extension writes as
"The lesson it trains"), each under a section labelled ``gym-<kind>``; the forward links are
the ``:ref:`... <gym-<kind>>``` items of the lessons' ``.. admonition:: Train it`` boxes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

#: The drill kinds of the contract (issue 15, "A contract for outside checks").
KINDS = ("eq-band", "eq-fix", "gain-jnd", "pan", "width", "delay", "compression", "reverb",
         "distortion", "abx")

DRILL_RE = re.compile(r"^\.\. drill:: *(\S+)\n((?:[ \t]+:[\w-]+:.*\n)*)", re.M)
LABEL_RE = re.compile(r"^\.\. _(gym-[\w-]+):\s*$", re.M)
TRAIN_RE = re.compile(r"^\.\. admonition:: Train it\n((?:[ \t]+.*\n|\n)*)", re.M)
REF_RE = re.compile(r":ref:`[^`<]*<(gym-[\w-]+)>`")


@dataclass
class Drill:
    kind: str
    page: str          # docname, e.g. gym/processing
    lesson: str        # the :lesson: option
    labelled: bool     # a "gym-<kind>" label on its page, before it


def drills(docs: Path) -> list[Drill]:
    found = []
    for path in sorted((docs / "gym").glob("*.rst")):
        text = path.read_text(encoding="utf-8")
        for m in DRILL_RE.finditer(text):
            lesson = re.search(r":lesson:\s*(\S+)", m.group(2))
            labels = LABEL_RE.findall(text[: m.start()])
            found.append(Drill(m.group(1), f"gym/{path.stem}",
                               lesson.group(1).strip("/") if lesson else "",
                               f"gym-{m.group(1)}" in labels))
    return found


def train_links(docs: Path) -> dict[str, set[str]]:
    """kind -> the lessons (docnames) whose "Train it" box links to its drill."""
    out: dict[str, set[str]] = {}
    for path in sorted((docs / "modules").glob("*/*.rst")):
        doc = path.relative_to(docs).with_suffix("").as_posix()
        for box in TRAIN_RE.finditer(path.read_text(encoding="utf-8")):
            for label in REF_RE.findall(box.group(1)):
                out.setdefault(label.removeprefix("gym-"), set()).add(doc)
    return out


def problems(docs: Path, kinds=KINDS) -> list[str]:
    found = drills(docs)
    links = train_links(docs)
    out = []
    by_kind = {d.kind: d for d in found}
    for kind in kinds:
        if kind not in by_kind:
            out.append(f"no drill of kind {kind!r} in docs/gym/")
    for d in found:
        lessons = links.get(d.kind, set())
        if not d.labelled:
            out.append(f"{d.page}: the {d.kind} drill has no '.. _gym-{d.kind}:' label before it")
        if not lessons:
            out.append(f"{d.page}: no lesson has a 'Train it' link to the {d.kind} drill")
        if not d.lesson:
            out.append(f"{d.page}: the {d.kind} drill has no :lesson: (its link back)")
        elif d.lesson not in lessons:
            out.append(f"{d.page}: the {d.kind} drill links back to {d.lesson}, which has no "
                       f"'Train it' link to it (linked from: {', '.join(sorted(lessons)) or 'none'})")
        elif not (docs / f"{d.lesson}.rst").is_file():
            out.append(f"{d.page}: the {d.kind} drill's lesson {d.lesson} does not exist")
    for kind, lessons in sorted(links.items()):
        if kind not in by_kind:
            out.append(f"'Train it' links to gym-{kind} in {', '.join(sorted(lessons))}, but no "
                       "such drill exists")
    return out

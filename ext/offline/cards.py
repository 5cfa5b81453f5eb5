"""``.. module-cards::``: the landing page's module cards, their facts read from the modules.

Each content line is ``NN: what you will be able to do`` (one line, a summary of the module's
outcomes). Everything else comes from the module's own overview page,
``modules/NN-<slug>/index.rst``, when the landing page is read, so the cards cannot drift
from the modules: the title (``Module 6: Mixing``), the link, and the study time (the first
``About N hours`` / ``About N to M hours`` of its "Time estimate" section). The icon is
``_icons/modules/mNN.svg`` (a small SVG, loaded lazily). The cards are a sphinx-design grid.

A module folder, title, time estimate or icon that cannot be found is an error at the line
of the card (:mod:`course.errors`).
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from course import errors

CATEGORY = "cards"
LINE = re.compile(r"^(\d{2}):\s+(\S.*)$")
TITLE = re.compile(r"^(Module \d+: .+)\n[=]{3,}\s*$", re.M)
TIME_SECTION = re.compile(r"^Time estimate\n-{3,}\n(.*?)(?:\n\S[^\n]*\n[-=~^]{3,}\n|\Z)", re.S | re.M)
HOURS = re.compile(r"\bAbout (\d+(?:\.\d+)?)(?: to (\d+(?:\.\d+)?))? hours\b")
ICON_DIR = "_icons/modules"


def study_time(source: str) -> str | None:
    """``"12–14 hours"`` from a module page's "Time estimate" section, or None."""
    section = TIME_SECTION.search(source)
    found = HOURS.search(" ".join(section.group(1).split())) if section else None
    if not found:
        return None
    low, high = found.groups()
    return f"{low}–{high} hours" if high else f"{low} hours"


def module_facts(srcdir: Path, number: str) -> tuple[str, str, str] | str:
    """``(docname, title, study time)`` of module *number*, or the reason it cannot be read."""
    folders = sorted((srcdir / "modules").glob(f"{number}-*/index.rst"))
    if len(folders) != 1:
        return f"module {number}: expected one folder modules/{number}-*/ with an index.rst, found {len(folders)}"
    index = folders[0]
    text = index.read_text(encoding="utf-8")
    title = TITLE.search(text)
    time = study_time(text)
    rel = index.relative_to(srcdir).as_posix()
    if not title:
        return f"module {number}: {rel} has no title 'Module N: ...'"
    if not time:
        return f"module {number}: {rel} has no 'Time estimate' section starting 'About N hours'"
    return rel[: -len(".rst")], title.group(1), time


class ModuleCards(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        rst: list[str] = [".. grid:: 1 1 2 3", "   :gutter: 3", "   :class-container: module-cards", ""]
        for offset, line in enumerate(self.content):
            lineno = self.content_offset + offset + 1
            if not line.strip():
                continue
            match = LINE.match(line.strip())
            if not match:
                errors.record(self.env, CATEGORY, self.env.docname, lineno,
                              f"module-cards: expected 'NN: what you will be able to do', got {line.strip()!r}")
                continue
            number, outcome = match.groups()
            facts = module_facts(srcdir, number)
            icon = srcdir / ICON_DIR / f"m{number}.svg"
            if isinstance(facts, str) or not icon.is_file():
                reason = facts if isinstance(facts, str) else f"module {number}: no icon {ICON_DIR}/m{number}.svg"
                errors.record(self.env, CATEGORY, self.env.docname, lineno, f"module-cards: {reason}")
                continue
            docname, title, time = facts
            self.env.note_dependency(str(srcdir / f"{docname}.rst"))
            rst += [
                "   .. grid-item-card::",
                "      :class-card: module-card",
                "",
                f"      .. image:: /{ICON_DIR}/m{number}.svg",
                "         :class: module-card-icon decorative",
                "         :alt: icon",
                "",
                f"      :doc:`{title} </{docname}>`",
                "",
                f"      {outcome}",
                "",
                f"      :module-card-time:`Study time: about {time}`",
                "",
            ]
        if len(rst) == 4:  # no card could be made: the errors say why
            return []
        container = nodes.container(classes=["module-cards-wrapper"])
        self.state.nested_parse(StringList(rst, source=self.get_source_info()[0]), self.content_offset,
                                container)
        for image in container.findall(nodes.image):
            image["alt"] = ""  # decorative: the card's text says everything
        return [container]


def study_time_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """The card's study-time line, as ``<span class="module-card-time">``."""
    return [nodes.inline(text, text, classes=["module-card-time"])], []


def setup(app) -> None:
    app.add_directive("module-cards", ModuleCards)
    app.add_role("module-card-time", study_time_role)
    errors.add_summary(app, CATEGORY, lambda found: f"{len(found)} bad module cards; see the errors above")

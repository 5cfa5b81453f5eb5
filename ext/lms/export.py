"""The post-build step: write every export into ``downloads/instructor/`` of the HTML output.

Runs at ``build-finished`` of the HTML builder (the rendered clips are in ``_audio/`` by
then). For the whole course and for each module it writes four files (:data:`FORMATS`). Each
question a format cannot express is named in the build log with the reason, as an info line
(the build runs with ``-W``; leaving a question out of one format is expected, not an error),
and a summary line gives the counts. :func:`plan` computes the same counts without writing,
for the instructor guide's table (:mod:`lms.post_transforms`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from course.archive import write_file
from lms import cartridge, gift, moodle, qti
from lms.model import Bank, Context, Item, Outcome, build_bank, scope_slug, select

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Where the files go, relative to the HTML output.
OUT_DIR = "downloads/instructor"


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    suffix: str


FORMATS = (
    Format("moodle", moodle.FORMAT, "-moodle.xml"),
    Format("gift", gift.FORMAT, "-gift.txt"),
    Format("qti", qti.FORMAT, "-qti12.zip"),
    Format("cartridge", cartridge.FORMAT, "-cc13.imscc"),
)


def context(app: Sphinx) -> Context:
    return Context(baseurl=(app.config.html_baseurl or "").strip() or None,
                   project=app.config.project)


def unsupported(fmt: Format, ctx: Context):
    return {"moodle": moodle.unsupported, "gift": gift.unsupported_for(ctx),
            "qti": qti.unsupported, "cartridge": cartridge.unsupported}[fmt.key]


def scopes(bank: Bank) -> list[tuple[str, str, list[Item]]]:
    """``(slug, title, items)``: the whole course first, then each module."""
    return [("course", bank.title, bank.items), *bank.modules()]


def lessons(env: BuildEnvironment, bank: Bank) -> dict[str, list[tuple[str, str]]]:
    """``{module group: [(docname, title), ...]}`` in reading order, for the cartridge."""
    from course.modules import numbering_group
    from course.order import doc_key, doc_order
    from lms.model import _title

    order = doc_order(env, env.config.root_doc)
    groups = {item.module for item in bank.items}
    out: dict[str, list[tuple[str, str]]] = {}
    for docname in sorted(env.found_docs, key=lambda d: doc_key(order, d)):
        group = numbering_group(docname)
        if group in groups and docname in order:
            out.setdefault(group, []).append((docname, _title(env, docname)))
    return out


def render(fmt: Format, bank: Bank, items: list[Item], ctx: Context,
           lesson_links: dict[str, list[tuple[str, str]]], title: str) -> tuple[bytes, Outcome]:
    """One file of one format."""
    if fmt.key == "moodle":
        return moodle.export(items, ctx)
    if fmt.key == "gift":
        return gift.export(items, ctx)
    if fmt.key == "qti":
        return qti.export(bank, items, ctx)
    groups = {it.module for it in items}
    return cartridge.export(bank, items, ctx, {g: v for g, v in lesson_links.items() if g in groups},
                            title)


def plan(app: Sphinx, env: BuildEnvironment) -> tuple[Bank, dict[str, Outcome]]:
    """The course's bank and each format's outcome for it, without writing."""
    bank = build_bank(app, env)
    ctx = context(app)
    return bank, {fmt.key: select(bank.items, unsupported(fmt, ctx)) for fmt in FORMATS}


def write_all(app: Sphinx, env: BuildEnvironment, outdir: Path) -> dict[str, Outcome]:
    """Write every file; log what each format left out; return the course's outcomes."""
    start = time.perf_counter()
    bank = build_bank(app, env, outdir)
    ctx = context(app)
    links = lessons(env, bank)
    target = outdir / OUT_DIR
    course: dict[str, Outcome] = {}
    written = 0
    for slug, title, items in scopes(bank):
        for fmt in FORMATS:
            data, outcome = render(fmt, bank, items, ctx, links, title)
            write_file(target / f"{slug}{fmt.suffix}", data)
            written += 1
            if slug == "course":
                course[fmt.key] = outcome
    for fmt in FORMATS:
        outcome = course[fmt.key]
        for item, reason in outcome.left_out:
            logger.info(f"lms: {fmt.label}: question {item.name} ({item.where}) left out: {reason}")
        for item, note in outcome.notes:
            logger.info(f"lms: {fmt.label}: question {item.name} ({item.where}): {note}")
    if bank.outside:
        logger.info(f"lms: {len(bank.outside)} questions outside the module folders are examples, not "
                    f"part of the course's bank, and are not exported: {', '.join(bank.outside)}")
    if not ctx.baseurl:
        logger.info("lms: Common Cartridge 1.3: lesson links left out: html_baseurl (the online "
                    "edition's address) is not set")
    counts = ", ".join(f"{fmt.label} {len(course[fmt.key].included)}"
                       f" ({len(course[fmt.key].left_out)} left out)" for fmt in FORMATS)
    logger.info(f"lms: {len(bank.items)} questions; wrote {written} files to {OUT_DIR}/ in "
                f"{time.perf_counter() - start:.1f} s: {counts}")
    return course


def build_finished(app: Sphinx, exception: Exception | None) -> None:
    """The ``build-finished`` handler: HTML builder only, and only after a successful build."""
    if exception is not None or app.builder.name != "html":
        return
    write_all(app, app.env, Path(app.outdir))


__all__ = ["FORMATS", "OUT_DIR", "build_finished", "plan", "scope_slug", "write_all"]

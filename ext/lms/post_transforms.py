"""Writing: fill ``.. lms-exports::`` with the download table and the count per format.

For every builder. The HTML links point to ``downloads/instructor/`` relative to the page;
the other outputs (PDF, EPUB) link to the online edition when ``html_baseurl`` is set and
print the file names otherwise. The counts come from :func:`lms.export.plan`, the same rules
the post-build step applies, so the guide and the files agree.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from lms.directives import lms_exports
from lms.export import FORMATS, OUT_DIR, plan, scopes
from lms.model import build_bank


def _table(headers: list[str], rows: list[list[nodes.Node | str]], widths: list[int],
           caption: str, ident: str) -> nodes.table:
    table = nodes.table(classes=["lms-exports"], ids=[ident])
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for parent, cells_rows in ((head, [headers]), (body, rows)):
        for cells in cells_rows:
            row = nodes.row()
            for cell in cells:
                entry = nodes.entry()
                para = nodes.paragraph()
                para += nodes.Text(cell) if isinstance(cell, str) else cell
                entry += para
                row += entry
            parent += row
    return table


class FillExports(SphinxPostTransform):
    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        found = list(self.document.findall(lms_exports))
        if not found:
            return
        total, outcomes = plan(self.env._app, self.env)
        bank = build_bank(self.env._app, self.env)
        for node in found:
            node.replace_self([self.counts(total, outcomes), self.downloads(bank)])

    def counts(self, total: int, outcomes: dict) -> nodes.table:
        rows: list[list[nodes.Node | str]] = []
        for fmt in FORMATS:
            outcome = outcomes[fmt.key]
            reasons = Counter(reason for _item, reason in outcome.left_out)
            why = "; ".join(f"{n} × {reason}" for reason, n in sorted(reasons.items())) or "—"
            if outcome.notes:
                why += f" ({len(outcome.notes)} listening questions linked to the online clips)"
            rows.append([fmt.label, str(len(outcome.included)), str(len(outcome.left_out)), why])
        return _table(["Format", "Questions", "Left out", "Why"], rows, [18, 10, 10, 62],
                      f"Questions per format (of {total} in the course, counted by this build)",
                      "lms-counts")

    def link(self, name: str) -> nodes.Node:
        path = f"{OUT_DIR}/{name}"
        if self.env._app.builder.format == "html" and self.env._app.builder.name != "epub":
            from course.urls import page_relative_url

            uri = page_relative_url(self.env._app.builder, self.env.docname, path)
            return nodes.reference("", "", nodes.literal(name, name), refuri=uri,
                                   internal=True, classes=["download"])
        from course.urls import online_url

        url = online_url(self.env._app.config, path)
        if url:
            return nodes.reference("", "", nodes.literal(name, name), refuri=url)
        return nodes.literal(name, name)

    def downloads(self, bank) -> nodes.table:
        rows: list[list[nodes.Node | str]] = []
        for slug, title, _items in scopes(bank):
            label = "Whole course" if slug == "course" else title
            rows.append([label, *(self.link(f"{slug}{fmt.suffix}") for fmt in FORMATS)])
        return _table(["Scope", *(fmt.label for fmt in FORMATS)], rows, [24, 19, 19, 19, 19],
                      "Instructor downloads", "lms-downloads")

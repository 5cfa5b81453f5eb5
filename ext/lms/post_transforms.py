"""Writing: fill ``.. lms-exports::`` with the download table and the count per format.

For every builder. The HTML page gets two tables (counts; downloads, linked relative to the
page). The other outputs (PDF, EPUB, spelling), which do not carry the files and have no room
for a five-column table of file names, get the counts as a list and one sentence pointing to
the folder in the online edition (``html_baseurl``). The counts come from :func:`lms.export.plan`, the same rules
the post-build step applies, so the guide and the files agree.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from lms.directives import lms_exports
from lms.export import FORMATS, OUT_DIR, plan, scopes


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
        bank, outcomes = plan(self.env._app, self.env)
        total = len(bank.items)
        builder = self.env._app.builder
        on_site = builder.format == "html" and builder.name != "epub"
        for node in found:
            if on_site:
                node.replace_self([self.counts(total, outcomes), self.downloads(bank)])
            else:
                node.replace_self(self.summary(total, outcomes))

    def summary(self, total: int, outcomes: dict) -> list[nodes.Node]:
        """The counts as a list and where the files are, for outputs without the files."""
        from course.urls import online_url

        intro = nodes.paragraph()
        intro += nodes.Text(f"Questions per format, of {total} in the course (counted by this build):")
        items = nodes.bullet_list()
        for fmt in FORMATS:
            outcome = outcomes[fmt.key]
            reasons = Counter(reason for _item, reason in outcome.left_out)
            why = "; ".join(f"{n} because {reason}" for reason, n in sorted(reasons.items()))
            text = f"{fmt.label}: {len(outcome.included)} questions, {len(outcome.left_out)} left out"
            para = nodes.paragraph()
            para += nodes.Text(text + (f" ({why})." if why else "."))
            items += nodes.list_item("", para)
        where = nodes.paragraph()
        url = online_url(self.config, OUT_DIR + "/")
        where += nodes.Text("The files, one per format for the whole course and for each module, are "
                            "in the folder ")
        where += nodes.reference("", "", nodes.literal(OUT_DIR, OUT_DIR), refuri=url) if url else \
            nodes.literal(OUT_DIR, OUT_DIR)
        where += nodes.Text(" of the online edition, linked from its instructor guide.")
        return [intro, items, where]

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

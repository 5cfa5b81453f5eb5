"""Writing: finish the drills and fill the gym's index, per output.

:class:`HtmlGym` (html, dirhtml, singlehtml)
    The drill stays a :class:`gym.nodes.drill` for :mod:`gym.html` (the root element with
    ``data-drill`` and the config the runner reads); the index lists every drill by module,
    with a place for the learner's level (filled by course-gym.js).
:class:`PrintGym` (every other builder: EPUB, LaTeX, text, spelling)
    The drill becomes ordinary nodes: its title, the body (what it trains and how to practice
    it in any DAW), the link to its lesson and the online address
    (:func:`course.urls.online_url`, when ``html_baseurl`` is set).

Priority 5: before Sphinx's ReferencesResolver (10), so the links to the lessons resolve.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from course.modules import numbering_group
from course.urls import online_url
from gym.collector import DrillRecord, gym_domain
from gym.nodes import drill, drill_index

HTML_BUILDERS = ("html", "dirhtml", "singlehtml")


def doc_link(env: Any, fromdoc: str, target: str) -> addnodes.pending_xref:
    """A link to document *target*, showing its title (resolved by Sphinx)."""
    xref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + target,
                                 refdoc=fromdoc, refexplicit=False, refwarn=True)
    xref += nodes.inline(target, target)
    return xref


def module_heading(env: Any, record: DrillRecord) -> str:
    """"Module 6: Mixing" for a drill whose lesson is in modules/06-mixing/."""
    group = numbering_group(record.lesson)
    title = env.titles.get(f"{group}/index") if group != record.lesson else None
    if record.module is None:
        return "Other drills"
    name = title.astext() if title is not None else ""
    if name.startswith(f"Module {record.module}"):
        return name                       # the course's module titles carry their number
    return f"Module {record.module}: {name}" if name else f"Module {record.module}"


def by_module(env: Any) -> list[tuple[str, list[DrillRecord]]]:
    """Every drill grouped under its module's heading, modules in number order."""
    groups: dict[tuple[int, str], list[DrillRecord]] = {}
    for record in gym_domain(env).in_order(env):
        key = (record.module if record.module is not None else 10**6,
               module_heading(env, record))
        groups.setdefault(key, []).append(record)
    return [(key[1], items) for key, items in sorted(groups.items())]


class PrintGym(SphinxPostTransform):
    """Every builder that is not HTML: plain nodes (and the base of :class:`HtmlGym`)."""

    default_priority = 5

    def is_supported(self) -> bool:
        return self.app.builder.name not in HTML_BUILDERS

    def run(self, **kwargs: Any) -> None:
        self.fromdoc = self.env.docname
        for node in list(self.document.findall(drill)):
            self.finish_drill(node)
        for node in list(self.document.findall(drill_index)):
            self.fill_index(node)

    def page_uri(self, docname: str, anchor: str) -> str:
        builder = self.app.builder
        try:
            uri = builder.get_relative_uri(self.fromdoc, docname)
        except Exception:  # noqa: BLE001 (NoUri: the page is not in this output)
            return ""
        return f"{uri}#{anchor}"

    def index_item(self, record: DrillRecord) -> nodes.list_item:
        item = nodes.list_item("", classes=["gym-index-item", f"gym-kind-{record.kind}"])
        para = nodes.paragraph()
        uri = self.page_uri(record.docname, record.anchor)
        title = nodes.strong(record.title, record.title)
        if uri:
            para += nodes.reference("", "", title, refuri=uri, internal=True)
        else:
            para += title
        para += nodes.Text(" (trains ")
        para += doc_link(self.env, self.fromdoc, record.lesson)
        para += nodes.Text(")")
        item += para
        return item

    def fill_index(self, node: drill_index) -> None:
        out: list[nodes.Node] = []
        groups = by_module(self.env)
        for heading, records in groups:
            out.append(nodes.rubric(heading, heading, classes=["gym-index-module"]))
            out.append(nodes.bullet_list("", *(self.index_item(r) for r in records),
                                         classes=["gym-index-list"]))
        if not groups:
            out.append(nodes.paragraph("", "No drills yet."))
        node.replace_self(out)

    def finish_drill(self, node: drill) -> None:
        box = nodes.container("", classes=["gym-drill-print"])
        # The anchor as a target: the LaTeX writer labels targets, not containers, and the
        # drill index links here. The drill gives its ids up first: replace_self() copies a
        # node's ids to its replacement, which would repeat them (EPUBCheck: duplicate ID).
        ids, node["ids"] = list(node["ids"]), []
        box += nodes.target("", "", ids=ids)
        box += nodes.rubric(node["title"], node["title"])
        box.extend(node.children)
        box += self.back_link(node)
        url = online_url(self.config, f"{node['config']['page']}.html#{node['anchor']}")
        para = nodes.paragraph(classes=["gym-online"])
        if url:
            para += nodes.Text("Practice this drill online: ")
            para += nodes.reference(url, url, refuri=url)
        else:
            para += nodes.Text("The interactive drill is part of the online course.")
        box += para
        node.replace_self(box)

    def back_link(self, node: drill) -> nodes.paragraph:
        para = nodes.paragraph(classes=["gym-lesson-link"])
        para += nodes.Text("The lesson it trains: ")
        para += doc_link(self.env, self.fromdoc, node["lesson"])
        para += nodes.Text(".")
        return para


class HtmlGym(PrintGym):
    """HTML: the drill node stays for :mod:`gym.html`, with the back link to its lesson; the
    index items get a place for the learner's level."""

    def is_supported(self) -> bool:
        return self.app.builder.name in HTML_BUILDERS

    def finish_drill(self, node: drill) -> None:
        node += self.back_link(node)

    def fill_index(self, node: drill_index) -> None:
        box = nodes.container("", classes=["gym-index"])
        node.replace_self(box)
        box += node
        super().fill_index(node)
        box += nodes.container("", classes=["gym-progress-tools"])

    def index_item(self, record: DrillRecord) -> nodes.list_item:
        item = super().index_item(record)
        level = nodes.inline("", "", classes=["gym-level"])
        item[0] += nodes.Text(" ")
        item[0] += level
        return item


TRANSFORMS = (PrintGym, HtmlGym)

"""One numbering for the site, the PDF and the EPUB: lessons, figures and tables.

Sphinx numbers figures and tables by one count over the whole site ("Fig. 34") unless the
toctrees are ``:numbered:``, and a numbered root toctree would make Module 0 section 1. So
after Sphinx has assigned its numbers (``env-get-updated``), this module replaces them with
the course's own, made by :func:`course.modules.number_items`, the function that numbers the
questions and the audio examples:

* every page of module N other than its overview (lessons, exercise, review, reading, answers)
  is N.k, k its place in the module's toctree: ``env.toc_secnumbers`` and the title entry in
  ``env.tocs`` (the page title, the navigation and the module's contents list show "6.3");
* every captioned figure, table and code block of module N is N.k within its module and kind;
  outside ``modules/`` they are numbered within their page (1, 2, ...), like the questions.

The HTML and EPUB writers print these numbers; :mod:`book.latex` sets LaTeX's counters to
them, so a cross-reference prints the same number in every format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from course.modules import MODULE_RE, module_number, number_items
from course.order import doc_order

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Kinds that Sphinx numbers with numfig.
FIGTYPES = ("figure", "table", "code-block")


def as_tuple(label: str) -> tuple[int, ...]:
    """``"6.3"`` → ``(6, 3)``."""
    return tuple(int(part) for part in label.split("."))


def is_overview(docname: str) -> bool:
    """The module's overview page ``modules/NN-slug/index`` (the chapter opening)."""
    m = MODULE_RE.match(docname)
    return bool(m) and docname == f"{m.group(1)}/index"


def lesson_numbers(env: BuildEnvironment, order: dict[str, int]) -> dict[str, tuple[int, ...]]:
    """``{docname: (N, k)}`` for the pages of every module, in reading order (the overview
    is the chapter itself and has no number of its own)."""
    pages = [(d, 0) for d in env.all_docs if module_number(d) is not None and not is_overview(d)]
    numbering = number_items(pages, order)
    return {doc: as_tuple(label) for (doc, _), label in numbering.labels.items()}


def enumerable_nodes(env: BuildEnvironment, doctree: nodes.Node, *,
                     with_nodes: bool = False) -> list[tuple[str, Any]]:
    """``(figtype, id)`` (or ``(figtype, node)``) of the captioned, labelled figures, tables
    and code blocks of a doctree in document order (the nodes Sphinx's numfig numbers)."""
    std = env.domains.standard_domain
    found = []
    for node in doctree.findall(nodes.Element):
        figtype = std.get_enumerable_node_type(node)
        if figtype in FIGTYPES and node["ids"] and std.get_numfig_title(node):
            found.append((figtype, node if with_nodes else node["ids"][0]))
    return found


def subsection_anchors(doctree: nodes.Node) -> list[str]:
    """``#id`` of every section but the page's title section: they carry no number (the
    HTML writer would otherwise give them the page's number)."""
    sections = [s for s in doctree.findall(nodes.section) if s["ids"]]
    return ["#" + s["ids"][0] for s in sections[1:]]


def figure_numbers(env: BuildEnvironment, order: dict[str, int],
                   doctrees: dict[str, nodes.document]) -> dict[str, dict[str, dict[str, tuple[int, ...]]]]:
    """``{docname: {figtype: {id: (N, k)}}}``, the shape of ``env.toc_fignumbers``."""
    items: dict[str, list[tuple[str, int]]] = {}
    ids: dict[tuple[str, str, int], str] = {}
    for docname, doctree in doctrees.items():
        for seq, (figtype, node_id) in enumerate(enumerable_nodes(env, doctree)):
            items.setdefault(figtype, []).append((docname, seq))
            ids[figtype, docname, seq] = node_id
    result: dict[str, dict[str, dict[str, tuple[int, ...]]]] = {}
    for figtype, members in items.items():
        for (docname, seq), label in number_items(members, order).labels.items():
            node_id = ids[figtype, docname, seq]
            result.setdefault(docname, {}).setdefault(figtype, {})[node_id] = as_tuple(label)
    return result


def _set_title_number(env: BuildEnvironment, docname: str, number: tuple[int, ...] | None) -> None:
    """Put *number* on the page's title entry in ``env.tocs`` (navigation, contents lists)
    and on ``env.titles`` (previous/next links)."""
    toc = env.tocs.get(docname)
    if toc is not None:
        for ref in toc.findall(nodes.reference):
            if ref.get("anchorname") == "":
                ref["secnumber"] = number
            break
    title = env.titles.get(docname)
    if title is not None:
        title["secnumber"] = number


def restore_sphinx_numbers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated`` before Sphinx's numbering: give Sphinx back its own numbers of the
    last build, so that it compares like with like and asks to rewrite only the pages whose
    figures really changed (not every page with a figure, on every build)."""
    previous = getattr(env, "course_sphinx_numbers", None)
    if previous is not None:
        env.toc_secnumbers, env.toc_fignumbers = previous
    return []


def assign(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated`` (after Sphinx's own numbering): set the course's numbers; return
    the pages whose numbers changed since the last build."""
    order = doc_order(env, app.config.root_doc)
    virtual = env.domains.standard_domain._virtual_doc_names
    doctrees = {d: env.get_doctree(d) for d in sorted(env.all_docs) if d not in virtual}
    lessons = lesson_numbers(env, order)
    secnumbers = {doc: {"": number, **dict.fromkeys(subsection_anchors(doctrees[doc]), ())}
                  for doc, number in lessons.items() if doc in doctrees}
    for docname in env.all_docs:
        _set_title_number(env, docname, lessons.get(docname))
    fignumbers = figure_numbers(env, order, doctrees) if app.config.numfig else {}
    previous = getattr(env, "course_book_numbers", ({}, {}))
    env.course_sphinx_numbers = (env.toc_secnumbers, env.toc_fignumbers)
    env.toc_secnumbers = secnumbers
    env.toc_fignumbers = fignumbers
    env.course_book_numbers = (secnumbers, fignumbers)
    changed = {d for d in set(secnumbers) | set(previous[0]) if secnumbers.get(d) != previous[0].get(d)}
    changed |= {d for d in set(fignumbers) | set(previous[1]) if fignumbers.get(d) != previous[1].get(d)}
    # a changed lesson number shows in its module's overview (contents list) and neighbours
    for doc in list(changed):
        m = MODULE_RE.match(doc)
        if m and f"{m.group(1)}/index" in env.all_docs:
            changed.add(f"{m.group(1)}/index")
    return sorted(changed & set(env.all_docs))

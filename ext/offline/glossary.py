"""Glossary definitions in place: each page carries the definitions of the terms it links.

Reading: :class:`GlossaryCollector` keeps, per document, every glossary entry's term ids,
term text and definition (plain text), from ``.. glossary::`` (Sphinx's ``glossary`` node).

Writing (``html-page-context``, HTML builder): the page's ``:term:`` links (references with
the ``std-term`` class) are looked up, and the definitions of just those terms go into the
page as a JSON data block, ``<script type="application/json" id="glossary-data">``, which no
browser runs (strict-CSP clean) and which Sphinx's search snippets skip. The page then loads
``glossary-preview.js``, which shows the definition on hover and focus. A lesson links 10 to
30 terms, so this costs a page 1 to 3 KB gzipped; all 660 definitions in one shared file would
cost every first visit about 45 KB (measured: ``tools/bench_parts/offline.py``).
"""

from __future__ import annotations

import json
import posixpath
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector

from course.assets import add_page_js

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The script that shows the previews (ext/static/).
JS = "glossary-preview.js"
DATA_ID = "glossary-data"


def _defs(env: BuildEnvironment) -> dict[str, dict[str, tuple[str, str]]]:
    if not hasattr(env, "course_glossary"):
        env.course_glossary = {}
    return env.course_glossary


def entries(doctree: nodes.Node) -> dict[str, tuple[str, str]]:
    """``{term id: (term, definition)}`` of every glossary in *doctree*; a definition is its
    plain text, white space made single spaces."""
    found: dict[str, tuple[str, str]] = {}
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            definition = next(iter(item.findall(nodes.definition)), None)
            text = " ".join(definition.astext().split()) if definition is not None else ""
            for term in item.findall(nodes.term):
                for node_id in term["ids"]:
                    found[node_id] = (" ".join(term.astext().split()), text)
    return found


class GlossaryCollector(EnvironmentCollector):
    """Per-document glossary entries, purged and merged like any environment data."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _defs(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str],
                    other: BuildEnvironment) -> None:
        theirs = _defs(other)
        for docname in docnames:
            if docname in theirs:
                _defs(env)[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        found = entries(doctree)
        if found:
            _defs(app.env)[app.env.docname] = found


def term_links(doctree: nodes.Node, pagename: str, suffix: str) -> list[tuple[str, str]]:
    """``(docname, term id)`` of every ``:term:`` link on the page, in order, without repeats."""
    out: list[tuple[str, str]] = []
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if "#" not in uri or not any("std-term" in c.get("classes", [])
                                     for c in ref.findall(nodes.inline)):
            continue
        path, node_id = uri.split("#", 1)
        if not path:
            target = pagename
        elif path.endswith(suffix) and "://" not in path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(pagename), path))[:-len(suffix)]
        else:
            continue
        if (target, node_id) not in out:
            out.append((target, node_id))
    return out


def page_data(env: BuildEnvironment, doctree: nodes.Node, pagename: str, suffix: str) -> dict[str, list[str]]:
    """``{term id: [term, definition]}`` for the terms the page links on other pages."""
    defs = _defs(env)
    data = {}
    for docname, node_id in term_links(doctree, pagename, suffix):
        if docname == pagename:  # the glossary itself: the definition is on the page
            continue
        found = defs.get(docname, {}).get(node_id)
        if found and found[1]:
            data[node_id] = list(found)
    return data


def data_block(data: dict[str, list[str]]) -> str:
    """The JSON data block; ``<``, ``>`` and ``&`` escaped, so nothing in it ends the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{DATA_ID}">{text}</script>'


def html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                      doctree: nodes.document | None) -> None:
    if app.builder.name != "html" or doctree is None or "body" not in context:
        return
    data = page_data(app.env, doctree, pagename, app.builder.link_suffix)
    if not data:
        return
    context["body"] += "\n" + data_block(data) + "\n"
    add_page_js(app, [JS])


def setup(app: Sphinx) -> None:
    app.add_env_collector(GlossaryCollector)
    app.connect("html-page-context", html_page_context)

"""The print rendering of a lab (PDF, EPUB, and every output without the lab's JavaScript):
plain docutils nodes, so that each builder writes them its own way.

A lab becomes a ``container`` (class ``course-lab-print``) with its title, "Predict first:"
and the question, the build-time audio example and figure for the default settings (kept
as they are: the audio extension writes them for each format) and the online address of the
lab (``course.urls.online_url``; without ``html_baseurl``, a sentence saying the
interactive lab is in the web edition).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from course.urls import online_url
from labs.nodes import lab, lab_fallback, lab_question


def lab_page_url(builder: Any, config: Any, docname: str, ident: str) -> str | None:
    """The lab's address in the web edition (``<html_baseurl>/<page>.html#lab-<id>``)."""
    page = docname + (getattr(config, "html_file_suffix", None) or ".html")
    url = online_url(config, page)
    return f"{url}#lab-{ident}" if url else None


def print_nodes(node: lab, builder: Any, config: Any, docname: str) -> nodes.container:
    """``node`` as plain nodes (see the module docstring)."""
    box = nodes.container("", classes=["course-lab-print"], ids=[f"lab-{node['ident']}"])
    box.source, box.line = node.source, node.line
    title = nodes.paragraph("", "", nodes.strong("", node["title"]))
    box += title
    for question in node.findall(lab_question):
        children = list(question.children)
        if children and isinstance(children[0], nodes.paragraph):
            children[0].insert(0, nodes.strong("", "Predict first: "))
        box.extend(children)
        break
    url = lab_page_url(builder, config, docname, node["ident"])
    settings = node["settings"]
    if url:
        where = nodes.paragraph("", f"Shown here at its default setting ({settings}). Turn "
                                "the controls and listen in the web edition: ")
        where += nodes.reference(url, url, refuri=url)
        where += nodes.Text(".")
    else:
        where = nodes.paragraph("", f"Shown here at its default setting ({settings}); the "
                                "interactive lab, with its controls, is in the web edition "
                                "of the course.")
    box += where
    for fallback in node.findall(lab_fallback):
        box.extend(list(fallback.children))
        break
    return box

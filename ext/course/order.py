"""The reading order of the course: where each document comes in the book.

Numbers ("Question 6.3", "Audio 6.2") follow this order, not the alphabetical order of the
files: a pre-order walk of the toctrees from ``root_doc`` (what the navigation and the PDF show),
then any document outside every toctree, alphabetically.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def doc_order(env: BuildEnvironment, root: str | None = None) -> dict[str, int]:
    """Position of every document: toctrees walked depth-first from *root* (default:
    ``root_doc``), then the other documents alphabetically."""
    order: dict[str, int] = {}
    stack = [root or env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in order:
            continue
        order[docname] = len(order)
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    for docname in sorted(env.all_docs):
        order.setdefault(docname, len(order))
    return order


def doc_key(order: dict[str, int], docname: str) -> tuple[int, str]:
    """Sort key of *docname* in *order* (unknown documents last, by name)."""
    return order.get(docname, len(order)), docname

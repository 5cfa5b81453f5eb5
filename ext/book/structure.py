"""Lessons are chapters' sections, never a subsection's: where a page's toctree may stand.

In the PDF, Sphinx puts each page of a toctree where the toctree stands. A module overview
ends with its sections "Outcomes", "Prerequisites", "Time estimate", and its toctree came last
in the source, inside "Time estimate": every lesson became a subsection of "Time estimate"
(section 7.3.3, running foot "7.3. Time estimate"), and the EPUB's contents nested the lessons
under it too.

:class:`TocTreeAtPageLevel` (a read transform, so every output gets the same tree) moves a
toctree that ends the page's last subsection up to the page level, just after that
subsection. The HTML looks the same (the list of lessons still ends the page). A toctree
with text after it inside a subsection cannot be moved without moving that text: it is an
error at its file and line (:func:`nesting_errors`).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from course import errors

CATEGORY = "book"

#: nodes that may follow a toctree at the end of a section without being content
_INVISIBLE = (nodes.comment, nodes.target, nodes.substitution_definition)


def _wrapper(toctree: addnodes.toctree) -> nodes.Element:
    """The ``compound.toctree-wrapper`` around a toctree (or the toctree itself)."""
    parent = toctree.parent
    if isinstance(parent, nodes.compound) and "toctree-wrapper" in parent["classes"]:
        return parent
    return toctree


def _sections(node: nodes.Node) -> list[nodes.section]:
    """The section ancestors of *node*, innermost first."""
    found = []
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            found.append(parent)
        parent = parent.parent
    return found


def _ends(node: nodes.Node, ancestor: nodes.Element) -> bool:
    """True if nothing visible follows *node* up to the end of *ancestor*."""
    while node is not ancestor:
        parent = node.parent
        after = parent.children[parent.index(node) + 1:]
        if any(not isinstance(n, _INVISIBLE) for n in after):
            return False
        node = parent
    return True


def nested_toctrees(document: nodes.document) -> list[tuple[addnodes.toctree, nodes.section, bool]]:
    """``(toctree, innermost section, movable)`` for each toctree inside a subsection of the
    page (a section below the page's title section)."""
    found = []
    for toctree in document.findall(addnodes.toctree):
        sections = _sections(toctree)
        if len(sections) < 2:
            continue
        wrapper = _wrapper(toctree)
        found.append((toctree, sections[0], _ends(wrapper, sections[-1])))
    return found


def nesting_errors(document: nodes.document) -> list[tuple[int | None, str]]:
    """``(line, message)`` for each toctree that would nest its pages under a subsection."""
    return [(toctree.line or section.line,
             f"toctree inside the section {section[0].astext()!r} with text after it: its "
             "pages would become subsections of that section in the PDF and the EPUB; put the "
             "toctree at the end of the page")
            for toctree, section, movable in nested_toctrees(document) if not movable]


class TocTreeAtPageLevel(SphinxTransform):
    """Move a toctree that ends the page's last subsection to the page level."""

    default_priority = 880

    def apply(self, **kwargs: object) -> None:
        for toctree, _section, movable in nested_toctrees(self.document):
            if not movable:
                continue
            wrapper = _wrapper(toctree)
            top = _sections(toctree)[-1]
            wrapper.parent.remove(wrapper)
            top.append(wrapper)
        for line, message in nesting_errors(self.document):
            errors.record(self.env, CATEGORY, self.env.docname, line, message)

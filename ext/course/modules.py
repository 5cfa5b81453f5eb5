"""Module folders and per-module numbering.

A course module is a folder ``docs/modules/NN-slug/`` (two digits, a hyphen, a slug, as in
``modules/06-dynamics``). Things that are numbered (questions, audio examples) are numbered
within their module, "6.1", "6.2", ..., across its pages in reading order; outside
``modules/`` they are numbered within their document: "1", "2", ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from course.order import doc_key

#: ``modules/NN-slug/...``: group 1 is the folder (``modules/06-dynamics``), group 2 the number.
MODULE_RE = re.compile(r"^(modules/(\d+)-[^/]+)/")


def module_number(docname: str) -> int | None:
    """The module number of a document in ``modules/NN-slug/``, else None."""
    m = MODULE_RE.match(docname)
    return int(m.group(2)) if m else None


def numbering_group(docname: str) -> str:
    """The numbering group of a document: its module folder ``modules/NN-slug``, or, outside
    the module folders, the docname itself."""
    m = MODULE_RE.match(docname)
    return m.group(1) if m else docname


def group_prefix(group: str) -> str:
    """``"6."`` for the group ``modules/06-dynamics``, ``""`` for a document group."""
    m = MODULE_RE.match(group + "/")
    return f"{int(m.group(2))}." if m else ""


@dataclass
class Numbering:
    """The result of :func:`number_items`."""

    #: group -> its items ``(docname, seq)`` in numbering order
    groups: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: item ``(docname, seq)`` -> its label, such as ``"6.3"`` or ``"2"``
    labels: dict[tuple[str, int], str] = field(default_factory=dict)


def number_items(items: Iterable[tuple[str, int]], order: dict[str, int]) -> Numbering:
    """Number *items* ``(docname, seq)`` (``seq``: position within the document) in reading
    *order* (from :func:`course.order.doc_order`) within their module or document."""
    result = Numbering()
    for item in sorted(items, key=lambda it: (doc_key(order, it[0]), it[1])):
        result.groups.setdefault(numbering_group(item[0]), []).append(item)
    for group, members in result.groups.items():
        prefix = group_prefix(group)
        for k, item in enumerate(members, 1):
            result.labels[item] = f"{prefix}{k}"
    return result

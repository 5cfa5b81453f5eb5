"""What the labs extension knows about the site: one ``LabRecord`` per ``.. lab::``.

The records live in ``env.course_labs`` (a ``LabData``), filled per document by the directive
and kept in step by ``LabCollector`` (an ``EnvironmentCollector``): ``clear_doc`` drops a
document's records when it is read again, ``merge_other`` takes the records read by ``-j N``
worker processes, and ``get_outdated_docs`` reads again the documents whose figures were
rendered with another version of the lab kinds or the sound library. ``kinds_on_page`` tells
the HTML writer which lab scripts a page needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx.environment.collectors import EnvironmentCollector

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

CATEGORY = "lab"


@dataclass
class LabRecord:
    """One ``lab`` directive, as read."""

    kind: str
    id: str
    docname: str
    lineno: int
    values: dict[str, Any]       # the default settings (labs.spec.defaults)
    figure_stem: str             # its figure in the figure cache (<stem>.svg, <stem>.pdf)
    source_hash: str


@dataclass
class LabData:
    """``env.course_labs``: every lab, per document, in document order."""

    labs: dict[str, list[LabRecord]] = field(default_factory=dict)
    #: the hash of the lab kinds and the sound library of this build (set at builder-inited)
    source_hash: str | None = None

    def all_labs(self) -> list[LabRecord]:
        return [rec for docname in sorted(self.labs) for rec in self.labs[docname]]


def lab_data(env: BuildEnvironment) -> LabData:
    """The lab records of ``env`` (created empty on first use)."""
    data = getattr(env, "course_labs", None)
    if data is None:
        data = env.course_labs = LabData()
    return data


def kinds_on_page(env: BuildEnvironment, docname: str, *, whole_site: bool = False) -> list[str]:
    """The lab kinds used on ``docname``'s page (every page's, for single-page HTML)."""
    data = lab_data(env)
    records = data.all_labs() if whole_site else data.labs.get(docname, [])
    return sorted({rec.kind for rec in records})


class LabCollector(EnvironmentCollector):
    """Keeps ``env.course_labs`` in step with the documents (see the module docstring)."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        lab_data(env).labs.pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str],
                    other: BuildEnvironment) -> None:
        data, theirs = lab_data(env), lab_data(other)
        for docname in docnames:
            if docname in theirs.labs:
                data.labs[docname] = theirs.labs[docname]

    def process_doc(self, app: Sphinx, doctree: Any) -> None:
        """Nothing: the directive records while it runs."""

    def get_outdated_docs(self, app: Sphinx, env: BuildEnvironment, added: set[str],
                          changed: set[str], removed: set[str]) -> list[str]:
        data = lab_data(env)
        if data.source_hash is None:
            return []
        stale = {rec.docname for rec in data.all_labs() if rec.source_hash != data.source_hash}
        return sorted(stale - removed)

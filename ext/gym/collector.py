"""The gym's records in the environment: the drills of each page, merged after parallel
reading and checked once every document is read.

:class:`GymDomain` (``env.domains["gym"]``) holds ``drills`` (``{docname: [DrillRecord]}``, in
document order) and ``indexes`` (``{docname: True}``: pages with ``.. drill-index::``). In
``env-updated``: a kind used by two drills (progress is kept per kind) and a ``:lesson:`` that
is not a document are errors at the drill's line.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.domains import Domain

from course import errors
from course.order import doc_key, doc_order

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

CATEGORY = "gym"
#: Bump when the stored data changes shape.
DATA_VERSION = 1


@dataclass
class DrillRecord:
    """What the build remembers of one drill."""

    kind: str
    docname: str
    line: int | None
    title: str
    lesson: str
    module: int | None
    family: str

    @property
    def anchor(self) -> str:
        return f"drill-{self.kind}"


class GymDomain(Domain):
    """The drills of the environment (no roles or directives of its own)."""

    name = "gym"
    label = "Listening gym"
    data_version = DATA_VERSION
    initial_data: dict[str, Any] = {"drills": {}, "indexes": {}}  # noqa: RUF012 (Sphinx API)

    @property
    def drills(self) -> dict[str, list[DrillRecord]]:
        return self.data["drills"]

    @property
    def indexes(self) -> dict[str, bool]:
        return self.data["indexes"]

    def add(self, record: DrillRecord) -> None:
        self.drills.setdefault(record.docname, []).append(record)

    def add_index(self, docname: str) -> None:
        self.indexes[docname] = True

    def clear_doc(self, docname: str) -> None:
        self.drills.pop(docname, None)
        self.indexes.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["drills"]:
                self.drills[docname] = otherdata["drills"][docname]
            if docname in otherdata["indexes"]:
                self.indexes[docname] = True

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list:
        return []

    def in_order(self, env: BuildEnvironment) -> list[DrillRecord]:
        """Every drill, in reading order (then line)."""
        order = doc_order(env)
        return sorted((r for items in self.drills.values() for r in items),
                      key=lambda r: (doc_key(order, r.docname), r.line or 0))

    def families(self, docname: str) -> list[str]:
        """The JavaScript families of the drills on a page, in order of first use."""
        out: list[str] = []
        for record in self.drills.get(docname, []):
            if record.family not in out:
                out.append(record.family)
        return out


def gym_domain(env: BuildEnvironment) -> GymDomain:
    return env.domains["gym"]  # type: ignore[return-value]


def env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Site-wide checks over the merged records."""
    errors.clear_late(env, CATEGORY)
    seen: dict[str, DrillRecord] = {}
    for record in gym_domain(env).in_order(env):
        first = seen.setdefault(record.kind, record)
        if first is not record:
            errors.record_late(
                env, CATEGORY, record.docname, record.line,
                f"drill: a second {record.kind} drill (the first is at "
                f"{errors.location(env, first.docname, first.line, relative=True)}); "
                "progress is kept per kind, so each kind appears once")
        if record.lesson not in env.all_docs:
            errors.record_late(env, CATEGORY, record.docname, record.line,
                               f"drill: :lesson: {record.lesson!r} is not a document")


def error_summary(found: list) -> str:
    n = len(found)
    return f"{n} malformed drill{'s' if n != 1 else ''}; see the errors above"

"""Bad input: report it at the file and line, read the document again, fail the build.

One mechanism for every course extension. A *category* names the extension (``"quiz"``,
``"audio"``, ``"figure"``); every message is logged with warning type ``course`` and the
category as subtype (so ``suppress_warnings = ["course.quiz"]`` would address one extension).

Read-time errors (:func:`record`)
    Found while a document is read (in a directive, or in ``doctree-read``). Kept per document
    in the ``course`` domain's data, so that the next build reads that document again and
    reports the error again, until it is fixed (``env-get-outdated``). Purged with the
    document and merged after parallel reading like any domain data.

Late errors (:func:`record_late`)
    Found after reading, by checks that need every document (duplicate ids over the merged
    records, references to unknown ids) or while generating files, in ``env-updated`` (in the
    main process). They are kept for this build only: every category's late errors are
    cleared when the builder starts (``builder-inited``), and the checks run again in every
    build. Do not record errors while writing: with ``-j N`` the page writers run in child
    processes whose data is lost (log them with ``logger.error`` instead; ``-W`` fails).

The end (:func:`add_summary`)
    At ``build-finished`` each category with errors logs one line (``"3 malformed quiz
    questions; see the errors above"``) and the exit status becomes 1, even without ``-W``.
    Raising an exception there would print a crash report and delete the saved environment.

Every extension that uses this calls ``app.setup_extension("course")`` in its ``setup``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.domains import Domain
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["WARNING_TYPE", "InputError", "add_summary", "clear_late", "errors", "location",
           "record", "record_late"]

logger = logging.getLogger(__name__)

#: The warning type of every message of the course extensions (the subtype is the category).
WARNING_TYPE = "course"
#: Bump when the stored data changes shape.
ENV_VERSION = 1


class InputError(NamedTuple):
    """One recorded error."""

    category: str
    docname: str
    line: int | None
    message: str


class CourseDomain(Domain):
    """Holds the recorded errors (``data["errors"]``: ``{docname: [InputError, ...]}``,
    ``data["late"]``: ``[InputError, ...]``). It defines no directives or roles."""

    name = "course"
    label = "Course"
    data_version = ENV_VERSION
    initial_data: dict[str, Any] = {"errors": {}, "late": []}  # noqa: RUF012 (Sphinx API)

    @property
    def read_errors(self) -> dict[str, list[InputError]]:
        return self.data["errors"]

    @property
    def late_errors(self) -> list[InputError]:
        return self.data["late"]

    def clear_doc(self, docname: str) -> None:
        self.read_errors.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, items in otherdata["errors"].items():
            if docname in docnames:
                self.read_errors.setdefault(docname, []).extend(items)

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list:
        return []


def _domain(env: BuildEnvironment) -> CourseDomain:
    return env.domains["course"]  # type: ignore[return-value]


def location(env: BuildEnvironment, docname: str, line: int | None, *,
             relative: bool = False) -> str:
    """``path/to/file.rst:12`` for messages: the source path (absolute, or relative to the
    source folder), with the line when known."""
    try:
        path = env.doc2path(docname, base=not relative)
    except Exception:  # noqa: BLE001 (a document that is gone: its name is still useful)
        path = docname
    path = path.as_posix() if relative and hasattr(path, "as_posix") else str(path)
    return f"{path}:{line}" if line else path


def record(env: BuildEnvironment, category: str, docname: str, line: int | None,
           message: str, *, log: bool = True) -> None:
    """Record a read-time error in *docname* at *line* (and log it, unless *log* is False
    because the message was already reported, e.g. by the directive's
    ``state.document.reporter.error``, which also leaves the message in the page)."""
    if log:
        logger.error(message, location=(docname, line), type=WARNING_TYPE, subtype=category)
    _domain(env).read_errors.setdefault(docname, []).append(
        InputError(category, docname, line, message))


def record_late(env: BuildEnvironment, category: str, docname: str, line: int | None,
                message: str, *, log: bool = True) -> None:
    """Record (and log) an error found after reading; kept for this build only."""
    if log:
        logger.error(message, location=(docname, line), type=WARNING_TYPE, subtype=category)
    _domain(env).late_errors.append(InputError(category, docname, line, message))


def clear_late(env: BuildEnvironment, category: str) -> None:
    """Forget *category*'s late errors (before its checks run again in ``env-updated``)."""
    late = _domain(env).late_errors
    late[:] = [e for e in late if e.category != category]


def errors(env: BuildEnvironment, category: str | None = None) -> list[InputError]:
    """The recorded errors (read-time, then late) of *category*, or of every category."""
    domain = _domain(env)
    found: Iterable[InputError] = [
        *(e for items in domain.read_errors.values() for e in items), *domain.late_errors]
    return [e for e in found if category is None or e.category == category]


#: category -> summary function, in registration order (see add_summary). Static
#: configuration, not build state: a category without errors in a build logs nothing.
_SUMMARIES: dict[str, Callable[[list[InputError]], str | None]] = {}


def add_summary(app: Sphinx, category: str,
                summary: Callable[[list[InputError]], str | None]) -> None:
    """At the end of the build, if *category* has errors: log ``summary(errors)`` (when it
    returns text) and set the exit status to 1. Call from the extension's ``setup``."""
    app.setup_extension("course")
    _SUMMARIES[category] = summary


def _builder_inited(app: Sphinx) -> None:
    _domain(app.env).late_errors.clear()


def _get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                  removed: set[str]) -> list[str]:
    """Read the documents with recorded errors again, so the errors are reported again."""
    return sorted(set(_domain(env).read_errors) - removed - added - changed)


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None:
        return
    for category, summary in _SUMMARIES.items():
        found = errors(app.env, category)
        if not found:
            continue
        text = summary(found)
        if text:
            logger.error("%s", text, type=WARNING_TYPE, subtype=category)
        app.statuscode = 1


def setup(app: Sphinx) -> None:
    """Called by :func:`course.setup`."""
    app.add_domain(CourseDomain)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-get-outdated", _get_outdated)
    app.connect("build-finished", _build_finished)

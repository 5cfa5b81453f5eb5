"""Exceptions raised by an author's code (a recipe, a figure function), told in one line.

A build log is read by authors, not by the extension's developers: ``exception_text`` gives
the exception's type, its message and where it was raised, without a traceback.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

__all__ = ["exception_text", "load_once"]


def exception_text(exc: BaseException) -> str:
    """``TypeName: message`` plus the file and line where it was raised (no traceback)."""
    msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
    text = f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        path = Path(last.filename)
        try:
            shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            shown = "/".join(path.parts[-2:])
        text += f" (raised at {shown}:{last.lineno})"
    return text


def load_once(failures: list[str], what: str, load: Callable[[], object]) -> str | None:
    """Run ``load`` (importing an author's modules: recipes, figures) once per process.

    ``failures`` is the caller's module-level list that remembers a failed import; the
    return value is that failure as one line ("<what> could not be imported: ..."), on this
    call and every later one, or None when the modules loaded.
    """
    if not failures:
        try:
            load()
        except Exception as exc:
            failures.append(f"{what} could not be imported: {exception_text(exc)}")
    return failures[0] if failures else None

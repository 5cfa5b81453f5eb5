"""The EPUB: valid EPUB 3 (EPUBCheck) and its accessibility metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Nothing yet."""

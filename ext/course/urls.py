"""Where an output file of the HTML site is: relative to a page, or online.

The LaTeX (PDF) and plain-text outputs cannot play audio or offer downloads; they print the
file's address in the web edition instead, built from ``html_baseurl``.
"""

from __future__ import annotations

from typing import Any

from sphinx.util.osutil import relative_uri

__all__ = ["online_url", "page_relative_url"]


def online_url(config: Any, file: str) -> str | None:
    """``<html_baseurl>/<file>`` for a file of the HTML output (``_audio/x.mp3``), or None
    when ``html_baseurl`` is not set."""
    base = (getattr(config, "html_baseurl", "") or "").strip()
    if not base:
        return None
    return base.rstrip("/") + "/" + file


def page_relative_url(builder: Any, docname: str, file: str) -> str:
    """The URL of an output file (``_audio/x.mp3``) relative to the page of ``docname``."""
    return relative_uri(builder.get_target_uri(docname), file)

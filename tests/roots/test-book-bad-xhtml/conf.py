# An EPUB with a bare boolean attribute (HTML syntax, not XML): tests/book proves that the
# XHTML check and EPUBCheck both fail on it.

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "ext"))  # the course's extensions

project = "Bad XHTML"
author = "Test authors"
version = release = "1"
copyright = "2026, Test authors"
extensions = ["book"]
root_doc = "index"
epub_basename = "bad"

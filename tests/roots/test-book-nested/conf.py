# A module overview whose toctree stands inside "Time estimate" with text after it: the book
# extension cannot move it to the page level and fails the build (tests/book).

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "ext"))  # the course's extensions

project = "Nested"
author = "Test authors"
extensions = ["book"]
root_doc = "index"

# A tiny course for tests/book/: two modules, each with an overview that ends with "Time
# estimate" and its toctree (as in docs/modules/*/index.rst), lessons with a table, a
# figure-like code block and quiz questions. Built for HTML, LaTeX (PDF) and EPUB.

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "ext"))  # the course's extensions


project = "Book test"
author = "Test authors"
version = release = "2026.12"
copyright = "2026, Test authors"
extensions = ["quiz", "book"]
root_doc = "index"
exclude_patterns = ["_build"]
numfig = True
numfig_secnum_depth = 1
html_secnumber_suffix = " "
latex_engine = "xelatex"
latex_documents = [("index", "book.tex", project, author, "manual")]
latex_elements = {"papersize": "a4paper"}
epub_basename = "book"
latex_use_xindy = False

"""Sphinx configuration for the Open Audio Production Course.

Sources live in ``docs/``; this file sits at the top of the repository and is passed to
sphinx-build with ``-c .`` (see the Makefile). Sections follow CPython's Doc/conf.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# -- Path setup ---------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))            # soundlib/, figures/
sys.path.insert(0, str(ROOT / "ext"))    # local Sphinx extensions

# -- Project information --------------------------------------------------------------------

project = "Open Audio Production Course"
author = "The Open Audio Production Course authors"
copyright = "the Open Audio Production Course authors. Text and media: CC BY-SA 4.0; code: MIT"
version = release = "2026.12"
language = "en"

# -- General configuration ------------------------------------------------------------------

# The version pinned in requirements.txt: the extensions use its APIs (post-transform
# ``formats``/``builders``, ``env.domains``).
needs_sphinx = "9.0"

extensions = [
    "sphinx.ext.graphviz",
    "sphinx.ext.imgmath",
    "sphinx_design",
    "sphinxcontrib.spelling",
    # Local extensions (ext/; map in ext/README.md). They load ext/course/, the shared
    # plumbing, themselves.
    "quiz",
    "audio",
    "course_figure",
    "labs",
    "course_site",
    "course_html",
    "lms",
    "book",
]

root_doc = "index"
templates_path = ["docs/_templates"]
exclude_patterns = [
    "_build",
    "**/_*.rst",          # fragments (glossary and link lists collected by the lead)
    "**/wordlist.txt",
    "links.txt",
]

# Warnings are errors (the Makefile passes -W --keep-going); every reference must resolve.
nitpicky = True
numfig = True
# Figures, tables and lessons are numbered "N.k" within module N in every format (ext/book/
# numbering.py replaces Sphinx's numbers); 1 makes LaTeX reset its counters per chapter.
numfig_secnum_depth = 1
smartquotes = True
today_fmt = "%Y-%m-%d"

# Reproducible builds: dates come from SOURCE_DATE_EPOCH when it is set (Sphinx honours it).

# -- Options for HTML output ----------------------------------------------------------------

html_theme = "furo"
html_title = "Open Audio Production Course"
html_short_title = "Audio Production"
html_static_path = ["docs/_static"]
html_css_files = ["course.css"]
html_favicon = "docs/_static/favicon.svg"
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_last_updated_fmt = None
html_permalinks_icon = "#"
html_secnumber_suffix = " "  # "6.3 Setting a compressor's ..." as in the PDF
# The site URL, used for canonical links and for the audio links printed in the PDF.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", os.environ.get("COURSE_BASE_URL", ""))
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "downloads.html",
        "sidebar/scroll-end.html",
    ]
}
# Downloads offered from every page (built by `make html`, copied into the site).
course_downloads = {
    "pdf": "downloads/open-audio-production-course.pdf",
    "epub": "downloads/open-audio-production-course.epub",
}

# Diagrams: SVG in the HTML and EPUB (vector, no image maps), PDF in LaTeX.
graphviz_output_format = "svg"

# Offline by default: math is rendered to SVG at build time, never by a CDN script.
html_math_renderer = "imgmath"
imgmath_image_format = "svg"
imgmath_embed = False  # separate files: lazy-loaded, sized, cached (ext/course_html.py)

# -- Options for LaTeX / PDF output ---------------------------------------------------------

latex_engine = "xelatex"
latex_documents = [
    (root_doc, "open-audio-production-course.tex", project, author, "manual"),
]
latex_domain_indices = False
latex_use_xindy = False
latex_show_urls = "footnote"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    # the back-of-book index: glossary terms and the lessons' `.. index::` entries
    "printindex": r"\printindex",
    "figure_align": "htbp",
    # Fonts from Debian's fonts-freefont-otf (Sphinx's XeLaTeX default), which cover the
    # minus sign, Greek letters and the other symbols the course uses.
    "fontpkg": r"""
\setmainfont{FreeSerif}[Extension=.otf, UprightFont=*, BoldFont=*Bold, ItalicFont=*Italic, BoldItalicFont=*BoldItalic]
\setsansfont{FreeSans}[Extension=.otf, UprightFont=*, BoldFont=*Bold, ItalicFont=*Oblique, BoldItalicFont=*BoldOblique]
\setmonofont{FreeMono}[Extension=.otf, UprightFont=*, BoldFont=*Bold, ItalicFont=*Oblique, BoldItalicFont=*BoldOblique]
""",
    # Sphinx names the table of contents after the first toctree caption; call it Contents.
    "tableofcontents": r"\renewcommand{\contentsname}{Contents}\sphinxtableofcontents",
    "sphinxsetup": "hmargin={2.2cm,2.2cm}, vmargin={2.5cm,2.5cm}",
    # Long URLs in footnotes may break after any character instead of running into the
    # margin (tests/site/test_print.py fails on overfull lines); fancyhdr wants 14pt at 11pt.
    "preamble": r"""
\usepackage{xurl}
\setlength{\headheight}{14pt}
""",
}

# -- Options for EPUB output ----------------------------------------------------------------

epub_basename = "open-audio-production-course"
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_show_urls = "no"
epub_exclude_files = ["search.html"]

# -- Spelling (sphinxcontrib-spelling, en_US) -----------------------------------------------

spelling_lang = "en_US"
tokenizer_lang = "en_US"
spelling_word_list_filename = [
    str(p.relative_to(ROOT / "docs")) for p in sorted((ROOT / "docs").rglob("wordlist.txt"))
]
spelling_show_suggestions = True
spelling_warning = True
spelling_ignore_pypi_package_names = False
spelling_ignore_wiki_words = False
spelling_ignore_acronyms = True
spelling_ignore_python_builtins = False
spelling_ignore_importable_modules = False
spelling_ignore_contributor_names = False
spelling_exclude_patterns = []

# -- Link checking (make linkcheck; needs a network) ----------------------------------------

linkcheck_timeout = 20
linkcheck_retries = 2
linkcheck_anchors = False

# -- Local extension settings ---------------------------------------------------------------

# ext/course_site.py: every external URL in the sources must be https and listed here.
course_links_file = "links.txt"

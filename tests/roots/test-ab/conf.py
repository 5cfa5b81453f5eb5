# A small project for the A/B player (ext/static/course-ab.js): one page with one audio pair,
# one page without, in the course theme with its strict-CSP markup (course_html), so that
# tests/ab/ can serve it with tools/serve.py or open it from disk.

# tests/conftest.py (or the caller's PYTHONPATH) puts the repository and its ext/ folder on
# sys.path.

from pathlib import Path

import course

# The course's templates and static files (the theme script as a file, the sidebar), found
# from the course extension's own location (this folder is copied to a temporary place).
_DOCS = Path(course.__file__).resolve().parents[2] / "docs"

project = "A/B test"
extensions = ["audio", "course_site", "course_html"]
root_doc = "index"
exclude_patterns = ["_build"]
html_theme = "furo"
templates_path = [str(_DOCS / "_templates")]
html_static_path = [str(_DOCS / "_static")]
html_css_files = ["course.css"]
html_favicon = str(_DOCS / "_static" / "favicon.svg")
# the sidebar's download links (not built here; no test follows them)
course_downloads = {"pdf": "downloads/ab.pdf", "epub": "downloads/ab.epub"}

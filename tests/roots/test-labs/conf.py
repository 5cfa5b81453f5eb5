# A tiny project for ext/labs/: one lab of every kind on one page (tests/labs/ writes that
# page's index from the kind registry, so that every registered kind is tested), plus a page
# without a lab.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

extensions = ["audio", "course_figure", "course_html", "labs"]
root_doc = "index"
exclude_patterns = ["_build"]
html_theme = "furo"

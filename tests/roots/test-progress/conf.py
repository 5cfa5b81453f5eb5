# A tiny course for ext/learner/: two modules, a lesson with a quiz, a review quiz, a lesson
# without one, and the progress page. tests/progress/ builds it and walks it in Chromium.
# The templates are the course's strict-CSP ones (base.html as docs/_templates/, and a page.html
# that runs ext/course_html.py without the course's footer).

project = "Progress test"
extensions = ["sphinx_design", "quiz", "learner", "course_html"]
root_doc = "index"
exclude_patterns = ["_build"]
templates_path = ["_templates"]
html_theme = "furo"
html_title = "Progress test"

from course.assets import STATIC_DIR  # noqa: E402 (ext/ is on sys.path)

# furo's theme script as a same-origin file (docs/_templates/base.html loads it); the tests
# build a copy of this folder, so the path comes from the repository, not from this file
html_static_path = [str(STATIC_DIR.parents[1] / "docs" / "_static" / "theme-init.js")]
html_favicon = str(STATIC_DIR.parents[1] / "docs" / "_static" / "favicon.svg")  # no /favicon.ico 404
html_copy_source = False  # as the course (conf.py): no source links
html_show_sourcelink = False

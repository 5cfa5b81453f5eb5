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

from pathlib import Path  # noqa: E402

# furo's theme script as a same-origin file (docs/_templates/base.html loads it)
html_static_path = [str(Path(__file__).resolve().parents[3] / "docs" / "_static" / "theme-init.js")]

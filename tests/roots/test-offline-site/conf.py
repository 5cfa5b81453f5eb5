# A small course with the course's theme and extensions, for the offline site
# (tests/offline/): the site ZIP, search snippets from disk, glossary previews, module cards.

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
for _path in (REPO, REPO / "ext"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

project = "Offline test course"
extensions = ["sphinx_design", "quiz", "audio", "course_html", "course_site", "offline"]
root_doc = "index"
exclude_patterns = ["_build"]
templates_path = [str(REPO / "docs" / "_templates")]
html_theme = "furo"
html_static_path = [str(REPO / "docs" / "_static")]
html_css_files = ["course.css"]
html_copy_source = False
html_show_sourcelink = False
html_permalinks_icon = "#"
html_theme_options = {"navigation_with_keys": True, "top_of_page_buttons": []}
html_sidebars = {"**": ["sidebar/brand.html", "sidebar/search.html", "sidebar/scroll-start.html",
                        "sidebar/navigation.html", "downloads.html", "sidebar/scroll-end.html"]}
course_downloads = {"pdf": "downloads/offline-test.pdf", "epub": "downloads/offline-test.epub",
                    "site": "downloads/offline-test-site.zip"}
course_links_file = ""

# A tiny project for the clip drills and ABX (ext/gym/clips.py, clip_build.py): one lesson
# with an audio pair and "Train it" links, a drill page with the three clip drills, and ABX.
# tests/conftest.py puts ext/ on sys.path.

project = "Gym clips test"
version = "1.0"
extensions = ["audio", "gym"]
root_doc = "index"
exclude_patterns = ["_build"]
html_baseurl = "https://example.org/course/"
latex_documents = [("index", "gymclips.tex", "Gym clips test", "Tests", "manual")]
epub_author = "Tests"
epub_publisher = "Tests"
epub_copyright = "2026, Tests"

# Test project for ext/lms/: one module with every question type, a listening question with a
# rendered clip, and a question whose text needs escaping in every format.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

project = "LMS test"
version = "1.0"
extensions = ["sphinx_design", "audio", "lms"]
root_doc = "index"
exclude_patterns = ["_build"]
# Keep ASCII quotes in the sources, so that the exports must escape both kinds themselves.
smartquotes = False

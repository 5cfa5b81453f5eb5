# Test project for ext/gym/: one module with two lessons, the gym's index and three drill
# pages with the six live drills. tests/conftest.py puts ext/ on sys.path.

project = "Gym test"
version = "1.0"
extensions = ["gym"]
root_doc = "index"
exclude_patterns = ["_build"]
latex_documents = [("index", "gymtest.tex", "Gym test", "Tests", "manual")]
epub_author = "Tests"
epub_publisher = "Tests"
epub_copyright = "2026, Tests"

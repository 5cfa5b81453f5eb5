# A tiny project with one broken internal reference of each kind. With nitpicky = True every
# one must be reported as a warning at its file and line.
# tests/conftest.py puts ext/ on sys.path.
extensions = ["course_site"]
nitpicky = True
course_links_file = ""

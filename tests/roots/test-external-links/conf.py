# External links must be https and listed in the reviewed list (links.txt).
# tests/conftest.py puts ext/ on sys.path.
extensions = ["course_site"]
course_links_file = "links.txt"
exclude_patterns = ["links.txt"]

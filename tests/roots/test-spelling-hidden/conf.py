# A tiny project that hides one misspelling in each place sphinxcontrib-spelling skips by
# default. The course's spelling coverage (ext/course_site.py) must report every one of them.
# tests/conftest.py puts ext/ on sys.path.
extensions = ["sphinx_design", "sphinxcontrib.spelling", "course_site"]
spelling_lang = "en_US"
spelling_ignore_contributor_names = False
spelling_ignore_wiki_words = False
course_links_file = ""
spelling_warning = True

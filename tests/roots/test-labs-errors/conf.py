# ext/labs/ bad input: each lab in modules/01-sound/bad.rst breaks one rule.

extensions = ["audio", "course_figure", "labs"]
root_doc = "index"
exclude_patterns = ["_build"]

# Test project for ext/gym/'s errors: every kind of bad drill input, one per directive.

project = "Gym errors"
extensions = ["gym"]
root_doc = "index"
exclude_patterns = ["_build"]
